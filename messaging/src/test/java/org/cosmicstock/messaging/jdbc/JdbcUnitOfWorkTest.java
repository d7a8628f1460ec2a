package org.cosmicstock.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.junit.jupiter.api.Test;

class JdbcUnitOfWorkTest {

    /**
     * A pooled connection that cannot start a transaction is closed, which hands it back to the pool
     * (Hikari then evicts it if it is broken): kept checked out, it would be lent to nobody again.
     */
    @Test
    void aConnectionThatCannotStartATransactionGoesBackToThePool() {
        AtomicInteger closed = new AtomicInteger();
        DataSource dataSource = new OneConnection(closed);

        assertThatThrownBy(() -> new JdbcUnitOfWork(dataSource, new TransactionalMessaging(null, null, () -> {})) {
                    @Override
                    protected void flush() {}

                    @Override
                    protected List<Object> drainEvents() {
                        return List.of();
                    }

                    @Override
                    protected OutgoingMessage toOutgoing(Object event) {
                        throw new AssertionError("no events");
                    }
                })
                .isInstanceOf(PersistenceFailure.class)
                .hasMessage("Could not open a database transaction")
                .hasRootCauseMessage("An I/O error occurred while sending to the backend.");
        assertThat(closed).as("times the connection was closed").hasValue(1);
    }

    /** Hands out a connection whose setAutoCommit fails, and counts its closes. */
    private record OneConnection(AtomicInteger closed) implements DataSource {

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setAutoCommit" ->
                                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                            case "close" -> {
                                closed.incrementAndGet();
                                return null;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
