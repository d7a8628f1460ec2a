package org.cosmicstock.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cosmicstock.messaging.bus.MessageContext;

/**
 * A service's {@code messaging.outbox} table: rows appended by a committing unit of work (each with the
 * id of the transaction that wrote it), read in id order by the relay, marked published by it. The
 * relay lock stands for PostgreSQL's advisory lock: one relay round holds it at a time.
 */
final class OutboxTable {

    static final class Row {
        final long id;
        final long transaction;
        final MessageContext context;
        final String topic;
        final String key;
        final String type;
        final byte[] payload;
        final Instant createdAt;
        final String summary;
        boolean published;

        Row(
                long id,
                long transaction,
                MessageContext context,
                String topic,
                String key,
                String type,
                byte[] payload,
                Instant createdAt,
                String summary) {
            this.id = id;
            this.transaction = transaction;
            this.context = context;
            this.topic = topic;
            this.key = key;
            this.type = type;
            this.payload = payload;
            this.createdAt = createdAt;
            this.summary = summary;
        }

        String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private String lockHolder;

    long nextId() {
        return rows.size() + 1L;
    }

    void insert(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return rows;
    }

    /** Takes the relay lock for {@code relay}'s round; false if another relay's round holds it. */
    boolean tryLock(String relay) {
        if (lockHolder != null && !lockHolder.equals(relay)) {
            return false;
        }
        lockHolder = relay;
        return true;
    }

    /** The next unpublished rows in id order: read once the lock is held (a broken relay reads them before). */
    List<Row> readNext(int limit) {
        List<Row> next = new ArrayList<>();
        for (Row row : rows) {
            if (!row.published && next.size() < limit) {
                next.add(row);
            }
        }
        return next;
    }

    /** The round's transaction ended (committed or rolled back, or its connection died with the relay). */
    void unlock(String relay) {
        if (relay.equals(lockHolder)) {
            lockHolder = null;
        }
    }

    long pending() {
        return rows.stream().filter(r -> !r.published).count();
    }
}
