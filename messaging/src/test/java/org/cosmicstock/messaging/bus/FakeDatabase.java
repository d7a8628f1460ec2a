package org.cosmicstock.messaging.bus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the fake units of work commit to: the facts handlers wrote, the inbox of applied receipts and
 * the events published. It begins every unit of work, so a test can see how many the bus used.
 */
final class FakeDatabase implements Supplier<FakeUnitOfWork> {

    static final String SOURCE = "/fake-service";

    private final List<String> facts = new ArrayList<>();
    private final Set<Receipt> inbox = new LinkedHashSet<>();
    private final List<RaisedEvent> published = new ArrayList<>();
    private final List<FakeUnitOfWork> unitsOfWork = new ArrayList<>();
    private int eventsPublished;
    private int conflictsToRaise;
    private Predicate<Object> foreign = message -> false;

    @Override
    public FakeUnitOfWork get() {
        FakeUnitOfWork uow = new FakeUnitOfWork(this);
        unitsOfWork.add(uow);
        return uow;
    }

    List<String> facts() {
        return List.copyOf(facts);
    }

    Set<Receipt> inbox() {
        return Set.copyOf(inbox);
    }

    List<RaisedEvent> published() {
        return List.copyOf(published);
    }

    List<FakeUnitOfWork> unitsOfWork() {
        return List.copyOf(unitsOfWork);
    }

    boolean delivered(Receipt receipt) {
        return inbox.contains(receipt);
    }

    /** As if {@code receipt} had been applied before, for example before a crash. */
    void alreadyDelivered(Receipt receipt) {
        inbox.add(receipt);
    }

    /** Messages matching {@code test} are about nothing this database holds. */
    void holdsNothingFor(Predicate<Object> test) {
        foreign = test;
    }

    boolean isForeign(Object message) {
        return foreign.test(message);
    }

    /** The next {@code count} commits lose a version conflict, as if another transaction got there first. */
    void loseConflicts(int count) {
        conflictsToRaise = count;
    }

    List<RaisedEvent> commit(List<String> writes, Set<Receipt> receipts, List<RaisedEvent> pending) {
        if (conflictsToRaise > 0) {
            conflictsToRaise--;
            throw new StaleAggregate("Greeting", 1);
        }
        List<RaisedEvent> raised = new ArrayList<>();
        for (RaisedEvent event : pending) {
            eventsPublished++;
            raised.add(new RaisedEvent(event.event(), event.context().causing(SOURCE, "event-" + eventsPublished)));
        }
        facts.addAll(writes);
        inbox.addAll(receipts);
        published.addAll(raised);
        return List.copyOf(raised);
    }
}
