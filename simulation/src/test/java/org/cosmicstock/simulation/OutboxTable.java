package org.cosmicstock.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.cosmicstock.messaging.outbox.OutboxRow;
import org.cosmicstock.messaging.outbox.ParkedRow;
import org.cosmicstock.messaging.outbox.RelayOutbox;

/**
 * A service's {@code messaging.outbox} table: rows appended by a committing unit of work (each with the
 * id of the transaction that wrote it), read in id order by the real {@code OutboxRelay} through
 * {@link Round}, marked published (or counted failed, parked) when its round commits. The relay lock
 * stands for PostgreSQL's advisory lock: one relay round holds it at a time, until it commits or rolls
 * back. What a round writes is seen by others only once it committed, as in READ COMMITTED.
 */
final class OutboxTable {

    /** A row as the unit of work wrote it (with the id of its transaction), and what the relays did with it since. */
    static final class Row {
        /** As written: {@code attempts} there stays 0, the count is {@link #attempts}. */
        final OutboxRow written;

        final long transaction;
        final String summary;
        boolean published;
        Instant publishedAt;
        int attempts;
        Instant parkedAt;
        String lastError;

        Row(OutboxRow written, long transaction, String summary) {
            this.written = written;
            this.transaction = transaction;
            this.summary = summary;
        }

        OutboxRow toOutboxRow() {
            OutboxRow w = written;
            return new OutboxRow(
                    w.id(), w.context(), w.topic(), w.key(), w.type(), w.payload(), w.createdAt(), attempts);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<Long, Row> byId = new HashMap<>();
    private final Map<String, Row> byMessageId = new HashMap<>();
    private long lastId;
    private String lockHolder;

    long nextId() {
        return lastId + 1;
    }

    void insert(Row row) {
        lastId = row.written.id();
        rows.add(row);
        byId.put(row.written.id(), row);
        byMessageId.put(row.written.context().messageId(), row);
    }

    List<Row> rows() {
        return rows;
    }

    Row byMessageId(String messageId) {
        return byMessageId.get(messageId);
    }

    /** Takes the relay lock for {@code relay}'s round; false if another relay's round holds it. */
    boolean tryLock(String relay) {
        if (lockHolder != null && !lockHolder.equals(relay)) {
            return false;
        }
        lockHolder = relay;
        return true;
    }

    /** The round's transaction ended (committed or rolled back, or its connection died with the relay). */
    void unlock(String relay) {
        if (relay.equals(lockHolder)) {
            lockHolder = null;
        }
    }

    /**
     * The next committed rows to publish, in id order, as {@code OutboxStore}'s query picks them:
     * neither published nor parked, and not behind a parked row of the same key.
     */
    /** What the relay's read returns: unpublished rows after id {@code after}, a parked row holding back its key's later rows. */
    List<Row> readNext(long after, int limit) {
        List<Row> next = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (Row row : rows) {
            if (next.size() >= limit) {
                break;
            }
            if (row.published) {
                continue;
            }
            String topicKey = row.written.topic() + "\u0000" + row.written.key();
            if (row.parkedAt != null) {
                blocked.add(topicKey);
            } else if (row.written.id() > after && !blocked.contains(topicKey)) {
                next.add(row);
            }
        }
        return next;
    }

    long pending() {
        return rows.stream().filter(r -> !r.published && r.parkedAt == null).count();
    }

    /**
     * One relay round's transaction over this table, for relay {@code relay}; what it writes is applied
     * when it commits. {@link World.Relay} wraps it to inject faults and races.
     */
    final class Round implements RelayOutbox.Round {
        private final String relay;
        private final Instant now;
        private final long oldestRunning;
        private final LongSupplier newTransactionId;
        private final List<Long> marked = new ArrayList<>();
        private final List<Object[]> failures = new ArrayList<>();
        private boolean locked;

        /**
         * @param oldestRunning the oldest transaction id still running: units of work here take their
         *     rows' ids and commit in one step, so none that writes rows is ever running when a relay reads
         * @param newTransactionId this round's transaction id, taken when the relay asks for a mark
         */
        Round(String relay, Instant now, long oldestRunning, LongSupplier newTransactionId) {
            this.relay = relay;
            this.now = now;
            this.oldestRunning = oldestRunning;
            this.newTransactionId = newTransactionId;
        }

        @Override
        public RelayOutbox.Read lockAndReadNextRows(long after, int limit, boolean mark) {
            locked = tryLock(relay);
            if (!locked) {
                return RelayOutbox.Read.notLocked();
            }
            long lastIdTaken = lastId;
            return new RelayOutbox.Read(
                    true,
                    readNext(after, limit).stream().map(Row::toOutboxRow).toList(),
                    oldestRunning,
                    lastIdTaken,
                    mark ? newTransactionId.getAsLong() : -1);
        }

        boolean locked() {
            return locked;
        }

        @Override
        public void markPublished(List<OutboxRow> published) {
            published.forEach(r -> marked.add(r.id()));
        }

        @Override
        public boolean recordFailure(OutboxRow failed, String error, int maxAttempts) {
            Row row = byId.get(failed.id());
            int attempts = row.attempts + 1;
            failures.add(new Object[] {row, error, attempts >= maxAttempts});
            return attempts >= maxAttempts;
        }

        @Override
        public void commit() {
            for (Long id : marked) {
                Row row = byId.get(id);
                row.published = true;
                row.publishedAt = now;
            }
            for (Object[] f : failures) {
                Row row = (Row) f[0];
                row.attempts++;
                row.lastError = (String) f[1];
                row.parkedAt = (Boolean) f[2] ? now : null;
            }
            end();
        }

        @Override
        public void rollback() {
            end();
        }

        @Override
        public void close() {
            end();
        }

        private void end() {
            marked.clear();
            failures.clear();
            if (locked) {
                unlock(relay);
                locked = false;
            }
        }
    }

    /** The relay's bookkeeping: the backlog figures and the removal of rows published long ago. */
    RelayOutbox.Housekeeping housekeeping() {
        return new RelayOutbox.Housekeeping() {
            @Override
            public RelayOutbox.Backlog backlog(Instant now) {
                long pending = 0;
                long parked = 0;
                Instant oldest = null;
                for (Row row : rows) {
                    if (!row.published) {
                        pending++;
                        parked += row.parkedAt != null ? 1 : 0;
                        oldest = oldest == null || row.written.createdAt().isBefore(oldest)
                                ? row.written.createdAt()
                                : oldest;
                    }
                }
                long age = oldest == null
                        ? 0
                        : Math.max(0, java.time.Duration.between(oldest, now).toSeconds());
                return new RelayOutbox.Backlog(pending, age, parked);
            }

            @Override
            public int deletePublishedBefore(Instant cutoff, int limit) {
                List<Row> gone = rows.stream()
                        .filter(r -> r.publishedAt != null && r.publishedAt.isBefore(cutoff))
                        .limit(limit)
                        .toList();
                rows.removeAll(gone);
                gone.forEach(r -> byId.remove(r.written.id()));
                return gone.size();
            }

            @Override
            public void close() {}
        };
    }

    List<ParkedRow> parked(int limit) {
        return rows.stream()
                .filter(r -> r.parkedAt != null && !r.published)
                .limit(limit)
                .map(r -> new ParkedRow(
                        r.written.id(),
                        r.written.topic(),
                        r.written.key(),
                        r.written.type(),
                        r.attempts,
                        r.lastError,
                        r.parkedAt))
                .toList();
    }

    int requeue(Long id) {
        int requeued = 0;
        for (Row row : rows) {
            if (row.parkedAt != null && !row.published && (id == null || id == row.written.id())) {
                row.parkedAt = null;
                row.attempts = 0;
                requeued++;
            }
        }
        return requeued;
    }
}
