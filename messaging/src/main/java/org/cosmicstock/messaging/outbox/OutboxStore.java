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

    // Two statements sent together, in one round trip: the first takes the relay lock, the second
    // reads the next rows. In READ COMMITTED every statement reads from a snapshot taken when it
    // starts, and the server starts the second only once the first has returned: so the rows are
    // read after the lock is held, and everything the previous holder marked published before it
    // committed (and so released the lock) is seen. Read in the statement that takes the lock, they
    // came from a snapshot older than the lock, and a relay that won it right after another's round
    // published that round's rows again. The second statement asks for the lock again (held already,
    // it answers at once) only so that a relay without it reads nothing; if the lock was free by then,
    // what it read is dropped, since the first statement's answer is the one that counts.
    //
    // A parked row holds back the later rows of its key: per-key order is kept even past a row that
    // cannot be sent; every other key goes on. The parked keys are gathered once per read (almost
    // always none): asked row by row, as a correlated "not exists", PostgreSQL scanned every unsent
    // row for each row read, and with 3,000 rows waiting one read took 636 ms instead of 2 ms.
    //
    // The first statement also says what ReadFloor needs to pass ids it did not see: the oldest
    // transaction still running (the snapshot's xmin) and the highest id handed out; the second, when
    // asked, takes this round's own transaction id as a mark, after that id was read. The id column's
    // default takes the writer's transaction id before the row's id (V3), so every id up to the one
    // read belongs to a transaction older than the mark.
    //
    // The round's commit is not waited for on disk (synchronous_commit off for this transaction only):
    // all it records is that rows were sent (or failed), and if PostgreSQL loses it in a crash the
    // rows are sent again, which consumers drop as duplicates (ADR 2), in the same order as before,
    // since the WAL is flushed in order and any later synchronous commit flushes it too.
    private static final String LOCK_THEN_NEXT_ROWS = """
            select pg_try_advisory_xact_lock(?), set_config('synchronous_commit', 'off', true),
                   pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                   coalesce(pg_sequence_last_value('messaging.outbox_id_seq'), 0);
            select case when ? then pg_current_xact_id()::text::bigint else -1 end;
            with parked as materialized (
                   select topic, message_key, min(id) as first_id from messaging.outbox
                    where parked_at is not null and published_at is null
                    group by topic, message_key)
            select o.id, o.message_id, o.topic, o.message_key, o.message_type, o.payload, o.source,
                   o.correlation_id, o.causation_id, o.traceparent, o.created_at, o.attempts
              from messaging.outbox o
             where (select pg_try_advisory_xact_lock(?))
               and o.published_at is null and o.parked_at is null and o.id > ?
               and not exists (select 1 from parked p
                                where p.topic = o.topic and p.message_key = o.message_key and p.first_id < o.id)
             order by o.id limit ?
            """;

    /**
     * The next rows to publish after id {@code after}, in id order, read after the relay lock was
     * taken for this transaction; none if another instance's relay holds the lock.
     */
    RelayOutbox.Read lockAndReadNextRows(Connection connection, long after, int limit, boolean mark)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK_THEN_NEXT_ROWS)) {
            select.setLong(1, RELAY_LOCK);
            select.setBoolean(2, mark);
            select.setLong(3, RELAY_LOCK);
            select.setLong(4, after);
            select.setInt(5, limit);
            select.execute();
            boolean locked;
            long oldestRunning;
            long lastIdTaken;
            try (ResultSet lock = select.getResultSet()) {
                lock.next();
                locked = lock.getBoolean(1);
                oldestRunning = lock.getLong(3);
                lastIdTaken = lock.getLong(4);
            }
            long markTaken;
            try (ResultSet m = next(select)) {
                m.next();
                markTaken = m.getLong(1);
            }
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet r = next(select)) {
                while (r.next()) {
                    MessageContext context = new MessageContext(
                            r.getString("source"),
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
                            r.getTimestamp("created_at").toInstant(),
                            r.getInt("attempts")));
                }
            }
            return locked
                    ? new RelayOutbox.Read(true, rows, oldestRunning, lastIdTaken, markTaken)
                    : RelayOutbox.Read.notLocked();
        }
    }

    /** The next statement's result. */
    private static ResultSet next(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the relay's read returned fewer results than it has statements");
        }
        return statement.getResultSet();
    }

    /** One statement for the whole batch. */
    void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("update messaging.outbox set published_at = now() where id = any(?)")) {
            update.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint", rows.stream().map(OutboxRow::id).toArray()));
            update.executeUpdate();
        }
    }

    /** Counts a failed attempt against a row; parks it once it reached {@code maxAttempts}. Returns true if parked. */
    boolean recordFailure(Connection connection, OutboxRow row, String error, int maxAttempts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update messaging.outbox
                   set attempts = attempts + 1, last_error = ?,
                       parked_at = case when attempts + 1 >= ? then now() end
                 where id = ? returning parked_at
                """)) {
            update.setString(1, error);
            update.setInt(2, maxAttempts);
            update.setLong(3, row.id());
            try (ResultSet r = update.executeQuery()) {
                return r.next() && r.getTimestamp(1) != null;
            }
        }
    }

    List<ParkedRow> parked(Connection connection, int limit) throws SQLException {
        List<ParkedRow> parked = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, topic, message_key, message_type, attempts, last_error, parked_at
                  from messaging.outbox where parked_at is not null and published_at is null order by id limit ?
                """)) {
            select.setInt(1, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    parked.add(new ParkedRow(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getInt(5),
                            r.getString(6),
                            r.getTimestamp(7).toInstant()));
                }
            }
        }
        return parked;
    }

    /** Puts parked rows back in line (all of them when {@code id} is null); returns how many. */
    int requeue(Connection connection, Long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update messaging.outbox set parked_at = null, attempts = 0
                 where parked_at is not null and published_at is null and (?::bigint is null or id = ?::bigint)
                """)) {
            update.setObject(1, id);
            update.setObject(2, id);
            return update.executeUpdate();
        }
    }

    RelayOutbox.Backlog backlog(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                        select count(*), min(created_at), count(*) filter (where parked_at is not null)
                          from messaging.outbox where published_at is null
                        """);
                ResultSet r = select.executeQuery()) {
            r.next();
            Timestamp oldest = r.getTimestamp(2);
            long age = oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
            return new RelayOutbox.Backlog(r.getLong(1), age, r.getLong(3));
        }
    }

    int deletePublishedBefore(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from messaging.outbox where id = any(array(
                    select id from messaging.outbox where published_at < ? limit ?))
                """)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }
}
