package org.cosmicstock.messaging.bus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cosmicstock.messaging.testing.InMemoryUnitOfWork;

/** A unit of work in memory: what handlers write, raise and receive reaches the database only on commit. */
final class FakeUnitOfWork implements UnitOfWork {

    private final FakeDatabase database;
    private final List<String> writes = new ArrayList<>();
    private final List<Object> raised = new ArrayList<>();
    private final List<RaisedEvent> pending = new ArrayList<>();
    private final Set<Receipt> receipts = new LinkedHashSet<>();
    private final List<Object> prepared = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private boolean committed;
    private boolean closed;

    FakeUnitOfWork(FakeDatabase database) {
        this.database = database;
    }

    void write(String fact) {
        writes.add(fact);
    }

    /** What other units of work have committed so far. */
    List<String> committedFacts() {
        return database.facts();
    }

    boolean committed() {
        return committed;
    }

    boolean closed() {
        return closed;
    }

    List<Object> prepared() {
        return List.copyOf(prepared);
    }

    /** In order: "foreign", "receipts" and "prepare", each time the bus asked. */
    List<String> steps() {
        return List.copyOf(steps);
    }

    List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public Set<Receipt> firstDeliveries(Collection<Receipt> candidates) {
        steps.add("receipts");
        return InMemoryUnitOfWork.notYetApplied(candidates, database::delivered, receipts);
    }

    @Override
    public void prepare(List<Object> messages) {
        steps.add("prepare");
        prepared.addAll(messages);
    }

    @Override
    public Set<Object> foreign(List<Object> messages) {
        steps.add("foreign");
        Set<Object> foreign = new LinkedHashSet<>();
        messages.stream().filter(database::isForeign).forEach(foreign::add);
        return foreign;
    }

    @Override
    public void collectEvents(MessageContext cause) {
        raised.forEach(event -> pending.add(new RaisedEvent(event, cause)));
        raised.clear();
    }

    @Override
    public void raise(Object event) {
        raised.add(event);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void commit() {
        if (closed || committed) {
            throw new IllegalStateException("This unit of work is over");
        }
        committedEvents = database.commit(writes, receipts, pending);
        committed = true;
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }
}
