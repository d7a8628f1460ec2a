package org.cosmicstock.messaging.outbox;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What {@link OutboxRelay} needs from its outbox table, and nothing else: production's is the
 * PostgreSQL one ({@link JdbcRelayOutbox}, the SQL of {@link OutboxStore}); the simulation holds the
 * table in memory and drives the same relay over it.
 */
public interface RelayOutbox {

    /**
     * One relay round's transaction. It holds the relay lock from {@link #lockAndReadNextRows} until it
     * commits or rolls back; closing it without a commit rolls it back.
     */
    interface Round extends AutoCloseable {

        /**
         * The next rows to publish after id {@code after} in id order, read after the relay lock was
         * taken for this transaction (never before: a snapshot older than the lock may hold rows
         * another relay published meanwhile); none if another relay holds the lock. A parked row
         * holds back the later rows of its key. With {@code mark}, the read also takes a mark.
         */
        Read lockAndReadNextRows(long after, int limit, boolean mark) throws SQLException;

        /** Marks these rows published, in one statement. */
        void markPublished(List<OutboxRow> rows) throws SQLException;

        /** Counts a failed attempt against a row; parks it once it reached {@code maxAttempts}. True if parked. */
        boolean recordFailure(OutboxRow row, String error, int maxAttempts) throws SQLException;

        void commit() throws SQLException;

        void rollback() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** The relay's bookkeeping between rounds, each statement committed on its own. */
    interface Housekeeping extends AutoCloseable {

        Backlog backlog(Instant now) throws SQLException;

        /** Removes up to {@code limit} rows published before {@code cutoff}; returns how many. */
        int deletePublishedBefore(Instant cutoff, int limit) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /**
     * What a round's read saw: whether it held the relay lock, the rows, and what {@link ReadFloor}
     * needs to pass the ids it did not see.
     *
     * @param oldestRunning no transaction with an id below this was still running when the rows were
     *     read (PostgreSQL: the snapshot's xmin)
     * @param lastIdTaken the highest outbox id handed out when the round began, read before {@code mark}
     * @param mark when asked for, the round's own transaction id, taken after {@code lastIdTaken} was
     *     read; -1 otherwise. Writers take their transaction id before a row's id, so once a later
     *     read's {@code oldestRunning} reaches it, every id up to {@code lastIdTaken} is visible to
     *     that read or never will be.
     */
    record Read(boolean locked, List<OutboxRow> rows, long oldestRunning, long lastIdTaken, long mark) {

        /** What a round without the relay lock saw: nothing. */
        public static Read notLocked() {
            return new Read(false, List.of(), -1, -1, -1);
        }
    }

    /** Rows not yet published, the age of the oldest of them in seconds, and how many of them are parked. */
    record Backlog(long pending, long oldestAgeSeconds, long parked) {}

    Round begin() throws SQLException;

    Housekeeping housekeeping() throws SQLException;

    /** Rows set aside after failing repeatedly, oldest first. */
    List<ParkedRow> parked(int limit) throws SQLException;

    /** Puts a parked row (or, with null, every parked row) back in line; returns how many. */
    int requeue(Long id) throws SQLException;
}
