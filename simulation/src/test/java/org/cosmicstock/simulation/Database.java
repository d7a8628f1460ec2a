package org.cosmicstock.simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.outbox.OutboxRow;
import org.cosmicstock.messaging.outbox.OutboxUnitOfWork;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.schemas.codec.MessageCodec;

/**
 * What one service's database holds beside its aggregates: the inbox (receipts of applied messages)
 * and the outbox. {@link Transaction} is their storage under messaging's real unit-of-work rules:
 * receipts, events and aggregates commit together or not at all.
 */
final class Database {

    final String service;
    final String source;
    final Set<Receipt> inbox = new HashSet<>();
    final OutboxTable outbox = new OutboxTable();
    final World world;

    Database(String service, String source, World world) {
        this.service = service;
        this.source = source;
        this.world = world;
    }

    /** Thrown at commit when what the transaction wrote collides with what another committed meanwhile. */
    static final class TransactionAborted extends RuntimeException {
        TransactionAborted(String message) {
            super(message);
        }
    }

    /**
     * The storage of one unit of work, under messaging's {@link OutboxUnitOfWork} (the rules {@code
     * JdbcUnitOfWork} runs: receipts to first deliveries, events collected per cause into outbox rows,
     * commit or nothing, wake after commit); the subclass adds its aggregates. Nothing is written
     * before the commit: closing without it is the rollback.
     */
    abstract static class Transaction extends OutboxUnitOfWork {

        private final Database db;
        private final Function<Object, OutgoingMessage> toOutgoing;
        private final Set<Receipt> recorded = new LinkedHashSet<>();

        Transaction(Database db, Function<Object, OutgoingMessage> toOutgoing) {
            // The relays run when the world schedules them: a commit's wake-up is their being able to.
            super(() -> {});
            this.db = db;
            this.toOutgoing = toOutgoing;
        }

        /** Checks versions; throws StaleAggregate (or TransactionAborted) without writing anything. */
        protected abstract void check();

        /** Writes the aggregates; called only after every check passed. */
        protected abstract void write();

        /** The aggregates this transaction changes, for the trace. */
        protected abstract List<String> touched();

        @Override
        protected OutgoingMessage toOutgoing(Object event) {
            return toOutgoing.apply(event);
        }

        /** The inbox's insert ... on conflict do nothing: a receipt already there is no first delivery. */
        @Override
        protected Set<Receipt> recordReceipts(Collection<Receipt> receipts) {
            Set<Receipt> fresh = new LinkedHashSet<>();
            for (Receipt receipt : receipts) {
                if (db.world.variant() == Variant.INBOX_DISABLED) {
                    fresh.add(receipt);
                } else if (!db.inbox.contains(receipt) && recorded.add(receipt)) {
                    fresh.add(receipt);
                } else {
                    db.world.tally("duplicate delivery dropped by the inbox");
                }
            }
            return fresh;
        }

        @Override
        protected List<MessageContext> writeAndCommit(List<OutboxWriter.Caused> rows) {
            db.world.beforeCommit(db.service);
            try {
                check();
            } catch (RuntimeException conflict) {
                db.world.tally(
                        "version conflict at commit (" + conflict.getClass().getSimpleName() + ")");
                throw conflict;
            }
            for (Receipt receipt : recorded) {
                if (db.inbox.contains(receipt)) {
                    // PostgreSQL would have made this insert wait for the other transaction, then
                    // failed it on the unique key: the batch is rolled back and tried again.
                    db.world.tally("inbox receipt committed meanwhile by another transaction");
                    throw new TransactionAborted("duplicate key in inbox: " + receipt);
                }
            }
            List<String> touched = db.world.tracing() ? touched() : List.of();
            write();
            db.inbox.addAll(recorded);
            long transaction = db.world.newTransactionId();
            List<MessageContext> contexts = new ArrayList<>();
            List<OutboxTable.Row> written = new ArrayList<>();
            for (OutboxWriter.Caused caused : rows) {
                OutgoingMessage message = caused.message();
                // As OutboxWriter does it, with an id from the world's counter instead of a random UUID.
                MessageContext context = caused.cause().causing(db.source, db.world.newMessageId());
                SpecificRecord payload = message.payload();
                OutboxRow inserted = new OutboxRow(
                        db.outbox.nextId(),
                        context,
                        message.topic(),
                        message.key(),
                        MessageCodec.typeName(payload),
                        db.world.codec().encode(message.topic(), payload),
                        db.world.now(),
                        0);
                OutboxTable.Row row = new OutboxTable.Row(inserted, transaction, World.describe(payload));
                db.outbox.insert(row);
                written.add(row);
                contexts.add(context);
            }
            db.world.committed(db.service, transaction, recorded, written, touched);
            db.world.afterCommit(db.service);
            return contexts;
        }

        @Override
        protected void end(boolean committed) {
            // Nothing was written before commit: ending without it is the rollback.
        }
    }
}
