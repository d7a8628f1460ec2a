package org.cosmicstock.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
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

    private final class Tx extends AggregateTransaction<Order> implements OrdersUnitOfWork, Orders {

        Tx() {
            super(
                    db,
                    event -> messages.toOutgoing((Event) event),
                    "Order",
                    Order::orderId,
                    Order::version,
                    Order::drainEvents);
        }

        @Override
        public Orders orders() {
            return this;
        }

        @Override
        public void add(Order order) {
            track(order);
        }

        @Override
        public Optional<Order> get(String orderId) {
            return find(orderId);
        }

        @Override
        public Set<Object> foreign(List<Object> messages) {
            return OrdersUnitOfWork.newsOfOrdersHeldElsewhere(
                    messages, id -> !isHandedOut(id) && !orders.containsKey(id));
        }

        @Override
        OptionalInt storedVersion(String orderId) {
            StoredOrder stored = orders.get(orderId);
            return stored == null ? OptionalInt.empty() : OptionalInt.of(stored.version());
        }

        @Override
        Optional<Order> load(String orderId) {
            return Optional.ofNullable(orders.get(orderId))
                    .map(stored -> new Order(orderId, stored.lines(), stored.version()));
        }

        @Override
        void store(Order order) {
            orders.put(order.orderId(), new StoredOrder(order.version(), order.lines()));
        }

        @Override
        List<String> tagsOf(Order order) {
            List<String> tags = new ArrayList<>(List.of(order.orderId()));
            order.lines().forEach(l -> tags.add(l.sku() + " " + l.status()));
            return tags;
        }
    }
}
