package org.cosmicstock.messaging.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.bus.UnitOfWork;

/**
 * The rules of a unit of work that keeps an inbox and an outbox, whatever stores them: the receipts
 * of the messages go to the inbox (those recorded now are the first deliveries); the events the
 * aggregates and the handlers raised are collected per causing message and become outbox rows; the
 * aggregates, the receipts and the rows commit together or not at all; events raised after the last
 * collection fail the commit rather than being lost; after a commit that wrote rows, the relay is
 * woken. {@code JdbcUnitOfWork} stores all of it in one PostgreSQL transaction; the simulation in
 * memory. Subclasses provide only the storage.
 */
public abstract class OutboxUnitOfWork implements UnitOfWork {

    private final Runnable afterCommit;
    private final List<OutboxWriter.Caused> outgoing = new ArrayList<>();
    private final List<Object> pendingEvents = new ArrayList<>();
    private final List<Object> raised = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private boolean committed;

    /** @param afterCommit run after a commit that wrote outbox rows (wakes the relay) */
    protected OutboxUnitOfWork(Runnable afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** The events the aggregates handed out raised since the last call, oldest first. */
    protected abstract List<Object> drainEvents();

    /** How a domain event travels: topic, key and Avro payload. */
    protected abstract OutgoingMessage toOutgoing(Object event);

    /** Records the receipts in this transaction; returns those recorded now, not before. */
    protected abstract Set<Receipt> recordReceipts(Collection<Receipt> receipts);

    /**
     * Writes every changed aggregate (checking each one's version), appends these outbox rows and
     * commits, all or nothing; returns, in order, the context each row is published under.
     */
    protected abstract List<MessageContext> writeAndCommit(List<OutboxWriter.Caused> rows);

    /** Ends the transaction: rolls it back unless it committed. */
    protected abstract void end(boolean committed);

    @Override
    public Set<Receipt> firstDeliveries(Collection<Receipt> receipts) {
        return recordReceipts(receipts);
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
            outgoing.add(new OutboxWriter.Caused(toOutgoing(event), cause));
            pendingEvents.add(event);
        }
    }

    @Override
    public void commit() {
        if (!raised.isEmpty() || !drainEvents().isEmpty()) {
            throw new IllegalStateException("Events were raised after the last collectEvents: they would be lost");
        }
        List<MessageContext> contexts = writeAndCommit(outgoing);
        List<RaisedEvent> events = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            events.add(new RaisedEvent(pendingEvents.get(i), contexts.get(i)));
        }
        committed = true;
        committedEvents = List.copyOf(events);
        if (!committedEvents.isEmpty()) {
            afterCommit.run();
        }
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }

    @Override
    public void close() {
        end(committed);
    }
}
