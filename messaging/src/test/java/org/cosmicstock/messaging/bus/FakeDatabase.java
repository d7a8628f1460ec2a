package org.cosmicstock.messaging.bus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the fake units of work commit to: the facts handlers wrote, the inbox of applied receipts and
 * the events published. It begins every unit of work, so a test can see how many the bus used.
 */
final class FakeDatabase implements UnitOfWorkFactory<FakeUnitOfWork> {

    private final List<String> facts = new ArrayList<>();
    private final Set<String> inbox = new LinkedHashSet<>();
    private final List<RaisedEvent> published = new ArrayList<>();
    private final List<FakeUnitOfWork> unitsOfWork = new ArrayList<>();
    private int eventsPublished;

    @Override
    public FakeUnitOfWork begin(MessageContext context) {
        FakeUnitOfWork uow = new FakeUnitOfWork(this, context);
        unitsOfWork.add(uow);
        return uow;
    }

    List<String> facts() {
        return List.copyOf(facts);
    }

    Set<String> inbox() {
        return Set.copyOf(inbox);
    }

    List<RaisedEvent> published() {
        return List.copyOf(published);
    }

    List<FakeUnitOfWork> unitsOfWork() {
        return List.copyOf(unitsOfWork);
    }

    /** Event ids are predictable, so a test can name the receipts the bus will use. */
    String nextEventId() {
        return "event-" + (eventsPublished + 1);
    }

    boolean delivered(String receipt) {
        return inbox.contains(receipt);
    }

    /** As if {@code receipt} had been applied before, for example before a crash. */
    void alreadyDelivered(String receipt) {
        inbox.add(receipt);
    }

    List<RaisedEvent> commit(List<String> writes, Set<String> receipts, List<Object> events, MessageContext context) {
        List<RaisedEvent> raised = new ArrayList<>();
        for (Object event : events) {
            eventsPublished++;
            raised.add(new RaisedEvent(event, context.causing("event-" + eventsPublished)));
        }
        facts.addAll(writes);
        inbox.addAll(receipts);
        published.addAll(raised);
        return List.copyOf(raised);
    }
}
