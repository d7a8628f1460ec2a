package org.cosmicstock.orders.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.jdbc.TrackedAggregates;
import org.cosmicstock.messaging.jdbc.VersionedRows;
import org.cosmicstock.orders.domain.LineStatus;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.orders.domain.Orders;

/**
 * Orders in PostgreSQL on the unit of work's connection, saved with optimistic concurrency on the
 * version; only the lines that changed since loading are written. A batch of events is served by
 * one preload of every order it names.
 */
final class JdbcOrders implements Orders {

    private static final VersionedRows VERSIONS = new VersionedRows("Order", "orders", "order_id", "version");
    private static final String UPSERT_LINE = """
            insert into order_lines (order_id, sku, qty, status, batch_ref) values (?, ?, ?, ?, ?)
            on conflict (order_id, sku) do update set status = excluded.status, batch_ref = excluded.batch_ref
            """;

    private final Connection connection;
    private final TrackedAggregates<String, Order> orders = new TrackedAggregates<>();
    private final Map<String, List<OrderLine>> loadedLines = new HashMap<>();

    JdbcOrders(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void add(Order order) {
        orders.added(order.orderId(), order);
    }

    @Override
    public Optional<Order> get(String orderId) {
        return orders.find(orderId, id -> {
            try {
                return Optional.ofNullable(load(List.of(id)).get(id));
            } catch (SQLException e) {
                throw new PersistenceFailure("Could not load order " + id, e);
            }
        });
    }

    void preload(Collection<String> orderIds) throws SQLException {
        List<String> unknown = orders.unknown(orderIds);
        if (unknown.isEmpty()) {
            return;
        }
        orders.preloaded(unknown, load(unknown));
    }

    /** Whether a preload or lookup found no such order (and none was placed in this unit of work since). */
    boolean isAbsent(String orderId) {
        return orders.isAbsent(orderId);
    }

    List<Object> drainEvents() {
        List<Object> events = new ArrayList<>();
        orders.all().forEach(t -> events.addAll(t.aggregate().drainEvents()));
        return events;
    }

    void saveAll() throws SQLException {
        VersionedRows.Changes<Order> changes = VersionedRows.changes(orders.all(), Order::orderId, Order::version);
        VERSIONS.insert(connection, changes.created());
        VERSIONS.move(connection, changes.moved());
        writeChangedLines(changes.changed());
    }

    private void writeChangedLines(List<Order> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_LINE)) {
            for (Order order : changed) {
                List<OrderLine> before = loadedLines.getOrDefault(order.orderId(), List.of());
                for (OrderLine line : order.lines()) {
                    if (before.contains(line)) {
                        continue;
                    }
                    statement.setString(1, order.orderId());
                    statement.setString(2, line.sku().value());
                    statement.setInt(3, line.qty().value());
                    statement.setString(4, line.status().name());
                    statement.setString(5, line.batchRef());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private Map<String, TrackedAggregates.Loaded<Order>> load(List<String> orderIds) throws SQLException {
        Map<String, TrackedAggregates.Loaded<Order>> loaded = new HashMap<>();
        for (Order order : OrderRows.load(connection, orderIds)) {
            loadedLines.put(order.orderId(), order.lines());
            loaded.put(order.orderId(), new TrackedAggregates.Loaded<>(order, order.version()));
        }
        return loaded;
    }

    /** Reading orders back, shared with the HTTP query. */
    static final class OrderRows {
        private OrderRows() {}

        static Optional<Order> load(Connection connection, String orderId) throws SQLException {
            List<Order> found = load(connection, List.of(orderId));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }

        static List<Order> load(Connection connection, List<String> orderIds) throws SQLException {
            Map<String, Integer> versions = new HashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("select order_id, version from orders where order_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("text", orderIds.toArray()));
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        versions.put(r.getString(1), r.getInt(2));
                    }
                }
            }
            if (versions.isEmpty()) {
                return List.of();
            }
            Map<String, List<OrderLine>> lines = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select order_id, sku, qty, status, batch_ref from order_lines
                     where order_id = any(?) order by order_id, sku
                    """)) {
                select.setArray(
                        1, connection.createArrayOf("text", versions.keySet().toArray()));
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        lines.computeIfAbsent(r.getString(1), id -> new ArrayList<>())
                                .add(new OrderLine(
                                        r.getString(2),
                                        r.getInt(3),
                                        LineStatus.valueOf(r.getString(4)),
                                        r.getString(5)));
                    }
                }
            }
            List<Order> orders = new ArrayList<>();
            for (String id : orderIds) {
                Integer version = versions.get(id);
                if (version != null) {
                    orders.add(new Order(id, lines.getOrDefault(id, List.of()), version));
                }
            }
            return orders;
        }
    }
}
