package org.cosmicstock.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.cosmicstock.messaging.jdbc.Connections;

/** The relay's outbox in PostgreSQL: {@link OutboxStore}'s statements, a connection per round. */
final class JdbcRelayOutbox implements RelayOutbox {

    private final DataSource dataSource;
    private final OutboxStore store = new OutboxStore();

    JdbcRelayOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Round begin() throws SQLException {
        Connection connection = Connections.open(dataSource, false);
        return new Round() {
            @Override
            public Read lockAndReadNextRows(long after, int limit, boolean mark) throws SQLException {
                return store.lockAndReadNextRows(connection, after, limit, mark);
            }

            @Override
            public void markPublished(List<OutboxRow> rows) throws SQLException {
                store.markPublished(connection, rows);
            }

            @Override
            public boolean recordFailure(OutboxRow row, String error, int maxAttempts) throws SQLException {
                return store.recordFailure(connection, row, error, maxAttempts);
            }

            @Override
            public void commit() throws SQLException {
                connection.commit();
            }

            @Override
            public void rollback() throws SQLException {
                connection.rollback();
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    @Override
    public Housekeeping housekeeping() throws SQLException {
        Connection connection = Connections.open(dataSource, true);
        return new Housekeeping() {
            @Override
            public Backlog backlog(Instant now) throws SQLException {
                return store.backlog(connection, now);
            }

            @Override
            public int deletePublishedBefore(Instant cutoff, int limit) throws SQLException {
                return store.deletePublishedBefore(connection, cutoff, limit);
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    @Override
    public List<ParkedRow> parked(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return store.parked(connection, limit);
        }
    }

    @Override
    public int requeue(Long id) throws SQLException {
        try (Connection connection = Connections.open(dataSource, true)) {
            return store.requeue(connection, id);
        }
    }
}
