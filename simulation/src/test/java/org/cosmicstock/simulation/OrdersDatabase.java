package org.cosmicstock.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cosmicstock.messaging.bus.StaleAggregate;
import org.cosmicstock.orders.adapters.kafka.AvroOrderMessages;
import org.cosmicstock.orders.domain.Event;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.orders.domain.Orders;
import org.cosmicstock.orders.service.OrdersUnitOfWork;

/**
 * orders-service's database in memory: per order its version and lines, saved only if the version
 * did not move since loading; news about an order this service never held is foreign (no receipt),
 * by the rule {@code JdbcOrdersUnitOfWork} uses too.
 */
final class OrdersDatabase {

    record StoredOrder(int version, List<OrderLine> lines) {}

    final Database db;
    final Map<String, StoredOrder> orders = new TreeMap<>();
    private final AvroOrderMessages messages;

    OrdersDatabase(World world, String commandsTopic) {
        this.db = new Database("orders", "/orders-service", world);
        this.messages = new AvroOrderMessages(commandsTopic);
    }

    OrdersUnitOfWork begin() {
        return new Tx();
    }

    private final class Tx extends Database.Transaction implements OrdersUnitOfWork, Orders {

        private record Tracked(Order order, int loadedVersion, boolean isNew) {}

        private final Map<String, Tracked> tracked = new LinkedHashMap<>();

        Tx() {
            super(db, event -> messages.toOutgoing((Event) event));
        }

        @Override
        public Orders orders() {
            return this;
        }

        @Override
        public void add(Order order) {
            if (tracked.putIfAbsent(order.orderId(), new Tracked(order, 0, true)) != null) {
                throw new IllegalStateException("Aggregate " + order.orderId() + " is already in this unit of work");
            }
        }

        @Override
        public Optional<Order> get(String orderId) {
            Tracked known = tracked.get(orderId);
            if (known != null) {
                return Optional.of(known.order());
            }
            StoredOrder stored = orders.get(orderId);
            if (stored == null) {
                return Optional.empty();
            }
            Order order = new Order(orderId, stored.lines(), stored.version());
            tracked.put(orderId, new Tracked(order, stored.version(), false));
            return Optional.of(order);
        }

        @Override
        public Set<Object> foreign(List<Object> messages) {
            return OrdersUnitOfWork.newsOfOrdersHeldElsewhere(
                    messages, id -> !tracked.containsKey(id) && !orders.containsKey(id));
        }

        @Override
        protected List<Object> drainEvents() {
            List<Object> drained = new ArrayList<>();
            tracked.values().forEach(t -> drained.addAll(t.order().drainEvents()));
            return drained;
        }

        @Override
        protected void check() {
            for (Tracked t : tracked.values()) {
                StoredOrder stored = orders.get(t.order().orderId());
                if (t.isNew()) {
                    if (stored != null) {
                        throw new StaleAggregate("Order " + t.order().orderId(), 0);
                    }
                } else if (t.order().version() != t.loadedVersion() && stored.version() != t.loadedVersion()) {
                    throw new StaleAggregate("Order " + t.order().orderId(), t.loadedVersion());
                }
            }
        }

        @Override
        protected List<String> touched() {
            List<String> touched = new ArrayList<>();
            for (Tracked t : tracked.values()) {
                if (t.isNew() || t.order().version() != t.loadedVersion()) {
                    touched.add(t.order().orderId());
                    t.order().lines().forEach(l -> touched.add(l.sku() + " " + l.status()));
                }
            }
            return touched;
        }

        @Override
        protected void write() {
            for (Tracked t : tracked.values()) {
                if (t.isNew() || t.order().version() != t.loadedVersion()) {
                    orders.put(
                            t.order().orderId(),
                            new StoredOrder(t.order().version(), t.order().lines()));
                }
            }
        }
    }
}
