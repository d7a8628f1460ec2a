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
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.bus.UnitOfWork;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.schemas.codec.MessageCodec;

/**
 * What one service's database holds beside its aggregates: the inbox (receipts of applied messages)
 * and the outbox. {@link Transaction} is the part of a unit of work every service shares, with the
 * rules of {@code JdbcUnitOfWork}: receipts, events and aggregates commit together or not at all.
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

    /** The inbox and outbox of one unit of work; the subclass adds its aggregates. */
    abstract static class Transaction implements UnitOfWork {

        private final Database db;
        private final Function<Object, OutgoingMessage> toOutgoing;
        private final Set<Receipt> recorded = new LinkedHashSet<>();
        private final List<Object> raised = new ArrayList<>();
        private final List<Object> pendingEvents = new ArrayList<>();
        private final List<MessageContext> causes = new ArrayList<>();
        private List<RaisedEvent> committedEvents = List.of();

        Transaction(Database db, Function<Object, OutgoingMessage> toOutgoing) {
            this.db = db;
            this.toOutgoing = toOutgoing;
        }

        protected abstract List<Object> drainEvents();

        /** Checks versions; throws StaleAggregate (or TransactionAborted) without writing anything. */
        protected abstract void check();

        /** Writes the aggregates; called only after every check passed. */
        protected abstract void write();

        /** The aggregates this transaction changes, for the trace. */
        protected abstract List<String> touched();

        @Override
        public Set<Receipt> firstDeliveries(Collection<Receipt> receipts) {
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
        public void raise(Object event) {
            raised.add(event);
        }

        @Override
        public void collectEvents(MessageContext cause) {
            List<Object> events = new ArrayList<>(drainEvents());
            events.addAll(raised);
            raised.clear();
            for (Object event : events) {
                pendingEvents.add(event);
                causes.add(cause);
            }
        }

        @Override
        public void commit() {
            if (!raised.isEmpty() || !drainEvents().isEmpty()) {
                throw new IllegalStateException("Events were raised after the last collectEvents: they would be lost");
            }
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
            List<RaisedEvent> events = new ArrayList<>();
            for (int i = 0; i < pendingEvents.size(); i++) {
                OutgoingMessage message = toOutgoing.apply(pendingEvents.get(i));
                MessageContext context = causes.get(i).causing(db.source, db.world.newMessageId());
                SpecificRecord payload = message.payload();
                db.outbox.insert(new OutboxTable.Row(
                        db.outbox.nextId(),
                        transaction,
                        context,
                        message.topic(),
                        message.key(),
                        MessageCodec.typeName(payload),
                        db.world.codec().encode(message.topic(), payload),
                        db.world.now(),
                        World.describe(payload)));
                events.add(new RaisedEvent(pendingEvents.get(i), context));
            }
            committedEvents = List.copyOf(events);
            db.world.committed(db.service, transaction, recorded, committedEvents, touched);
            db.world.afterCommit(db.service);
        }

        @Override
        public List<RaisedEvent> committedEvents() {
            return committedEvents;
        }

        @Override
        public void close() {
            // Nothing was written before commit: closing without it is the rollback.
        }
    }
}
