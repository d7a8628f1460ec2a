package org.cosmicstock.messaging.bus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A unit of work in memory: what a handler writes, raises and receives reaches the database only on commit. */
final class FakeUnitOfWork implements UnitOfWork {

    private final FakeDatabase database;
    private final MessageContext context;
    private final List<String> writes = new ArrayList<>();
    private final List<Object> raised = new ArrayList<>();
    private final Set<String> receipts = new LinkedHashSet<>();
    private List<RaisedEvent> committedEvents = List.of();
    private boolean committed;
    private boolean closed;

    FakeUnitOfWork(FakeDatabase database, MessageContext context) {
        this.database = database;
        this.context = context;
    }

    void write(String fact) {
        writes.add(fact);
    }

    void raise(Object event) {
        raised.add(event);
    }

    /** What other units of work have committed so far. */
    List<String> committedFacts() {
        return database.facts();
    }

    MessageContext context() {
        return context;
    }

    boolean committed() {
        return committed;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public boolean firstDelivery(String receipt) {
        return !database.delivered(receipt) && receipts.add(receipt);
    }

    @Override
    public void commit() {
        if (closed || committed) {
            throw new IllegalStateException("This unit of work is over");
        }
        committedEvents = database.commit(writes, receipts, raised, context);
        committed = true;
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }

    @Override
    public void close() {
        closed = true;
    }
}
