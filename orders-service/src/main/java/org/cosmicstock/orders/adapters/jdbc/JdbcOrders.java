package org.cosmicstock.orders.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.jdbc.StaleAggregate;
import org.cosmicstock.orders.domain.LineStatus;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.orders.domain.Orders;

/** Orders in PostgreSQL on the unit of work's connection; saved with optimistic concurrency on the version. */
final class JdbcOrders implements Orders {

    private final Connection connection;
    private final Map<String, Tracked> seen = new LinkedHashMap<>();

    record Tracked(Order order, int loadedVersion, boolean isNew) {}

    JdbcOrders(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void add(Order order) {
        seen.put(order.orderId(), new Tracked(order, 0, true));
    }

    @Override
    public Optional<Order> get(String orderId) {
        Tracked tracked = seen.get(orderId);
        if (tracked != null) {
            return Optional.of(tracked.order());
        }
        try {
            Optional<Order> loaded = OrderRows.load(connection, orderId);
            loaded.ifPresent(o -> seen.put(orderId, new Tracked(o, o.version(), false)));
            return loaded;
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not load order " + orderId, e);
        }
    }

    List<Object> saveAll() throws SQLException {
        List<Object> events = new ArrayList<>();
        for (Tracked tracked : seen.values()) {
            Order order = tracked.order();
            if (tracked.isNew()) {
                insert(order);
            } else if (order.version() != tracked.loadedVersion()) {
                update(order, tracked.loadedVersion());
            }
            events.addAll(order.drainEvents());
        }
        return events;
    }

    private void insert(Order order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into orders (order_id, version) values (?, ?) on conflict (order_id) do nothing")) {
            insert.setString(1, order.orderId());
            insert.setInt(2, order.version());
            if (insert.executeUpdate() == 0) {
                throw new StaleAggregate("Order " + order.orderId(), 0);
            }
        }
        writeLines(order);
    }

    private void update(Order order, int loadedVersion) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("update orders set version = ? where order_id = ? and version = ?")) {
            update.setInt(1, order.version());
            update.setString(2, order.orderId());
            update.setInt(3, loadedVersion);
            if (update.executeUpdate() == 0) {
                throw new StaleAggregate("Order " + order.orderId(), loadedVersion);
            }
        }
        writeLines(order);
    }

    private void writeLines(Order order) throws SQLException {
        String upsert = """
                insert into order_lines (order_id, sku, qty, status, batch_ref) values (?, ?, ?, ?, ?)
                on conflict (order_id, sku) do update set status = excluded.status, batch_ref = excluded.batch_ref
                """;
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (OrderLine line : order.lines()) {
                statement.setString(1, order.orderId());
                statement.setString(2, line.sku());
                statement.setInt(3, line.qty());
                statement.setString(4, line.status().name());
                statement.setString(5, line.batchRef());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Reading an order back, shared with the HTTP query. */
    static final class OrderRows {
        private OrderRows() {}

        static Optional<Order> load(Connection connection, String orderId) throws SQLException {
            Integer version = null;
            try (PreparedStatement select =
                    connection.prepareStatement("select version from orders where order_id = ?")) {
                select.setString(1, orderId);
                try (ResultSet r = select.executeQuery()) {
                    if (r.next()) {
                        version = r.getInt(1);
                    }
                }
            }
            if (version == null) {
                return Optional.empty();
            }
            List<OrderLine> lines = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select sku, qty, status, batch_ref from order_lines where order_id = ? order by sku")) {
                select.setString(1, orderId);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        lines.add(new OrderLine(
                                r.getString(1), r.getInt(2), LineStatus.valueOf(r.getString(3)), r.getString(4)));
                    }
                }
            }
            return Optional.of(new Order(orderId, lines, version));
        }
    }
}
