package org.cosmicstock.orders.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.orders.domain.Order;

/** Reads an order for the HTTP API, outside any unit of work. */
public final class JdbcOrderQueries {

    private final DataSource dataSource;

    public JdbcOrderQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Order> find(String orderId) {
        try (Connection connection = dataSource.getConnection()) {
            return JdbcOrders.OrderRows.load(connection, orderId);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not read order " + orderId, e);
        }
    }
}
