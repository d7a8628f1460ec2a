package org.cosmicstock.messaging.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.UnitOfWork;

/**
 * The book's fake unit of work, for a service's bus tests: one object the bus begins again for
 * every message, holding the inbox and every event ever committed. Like the JDBC one, it saves the
 * aggregates it saw only on commit and publishes their events under new ids ({@code event-1},
 * {@code event-2}, ...) caused by the message being handled. Subclasses hold the aggregates.
 */
public abstract class InMemoryUnitOfWork implements UnitOfWork {

    private final Set<String> inbox = new HashSet<>();
    private final Set<String> receipts = new HashSet<>();
    private final List<RaisedEvent> published = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private MessageContext context;
    private boolean committed;

    /** Stores what changed and returns, in order, the events the changed aggregates raised. */
    protected abstract List<Object> saveChanges();

    /** Forgets changes not committed, so the next unit of work starts from what was stored. */
    protected abstract void discardChanges();

    /** Starts the next unit of work on the same stored state. */
    protected final void start(MessageContext context) {
        this.context = context;
        this.committed = false;
        this.committedEvents = List.of();
        receipts.clear();
        discardChanges();
    }

    @Override
    public boolean firstDelivery(String receipt) {
        return !inbox.contains(receipt) && receipts.add(receipt);
    }

    @Override
    public void commit() {
        List<RaisedEvent> raised = new ArrayList<>();
        for (Object event : saveChanges()) {
            raised.add(new RaisedEvent(event, context.causing("event-" + (published.size() + raised.size() + 1))));
        }
        inbox.addAll(receipts);
        published.addAll(raised);
        committedEvents = List.copyOf(raised);
        committed = true;
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }

    @Override
    public void close() {
        discardChanges();
        receipts.clear();
    }

    /** Whether the last unit of work committed. */
    public boolean committed() {
        return committed;
    }

    /** Every event committed so far, oldest first, with the context it was published under. */
    public List<RaisedEvent> published() {
        return List.copyOf(published);
    }

    public List<Object> publishedEvents() {
        return published.stream().map(RaisedEvent::event).toList();
    }
}
