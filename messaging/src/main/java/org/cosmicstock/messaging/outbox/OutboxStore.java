package org.cosmicstock.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cosmicstock.messaging.bus.MessageContext;

/** The relay's SQL against the outbox table. */
final class OutboxStore {

    /** One relay publishes at a time, so rows leave in commit order even with several instances running. */
    private static final long RELAY_LOCK = 0x7b0c5L;

    private static final String NEXT_ROWS = """
            select id, message_id, topic, message_key, message_type, payload, source,
                   correlation_id, causation_id, traceparent, created_at
              from messaging.outbox where published_at is null order by id limit ?
            """;

    boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    List<OutboxRow> nextRows(Connection connection, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEXT_ROWS)) {
            select.setInt(1, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    MessageContext context = new MessageContext(
                            r.getString("message_id"),
                            r.getString("correlation_id"),
                            r.getString("causation_id"),
                            r.getString("traceparent"));
                    rows.add(new OutboxRow(
                            r.getLong("id"),
                            context,
                            r.getString("topic"),
                            r.getString("message_key"),
                            r.getString("message_type"),
                            r.getBytes("payload"),
                            r.getString("source"),
                            r.getTimestamp("created_at").toInstant()));
                }
            }
        }
        return rows;
    }

    void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("update messaging.outbox set published_at = now() where id = any(?)")) {
            update.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint", rows.stream().map(OutboxRow::id).toArray()));
            update.executeUpdate();
        }
    }

    record Backlog(long pending, long oldestAgeSeconds) {}

    Backlog backlog(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "select count(*), min(created_at) from messaging.outbox where published_at is null");
                ResultSet r = select.executeQuery()) {
            r.next();
            Timestamp oldest = r.getTimestamp(2);
            long age = oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
            return new Backlog(r.getLong(1), age);
        }
    }

    int deletePublishedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("delete from messaging.outbox where published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }
}
