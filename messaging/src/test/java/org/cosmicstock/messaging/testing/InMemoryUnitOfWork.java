package org.cosmicstock.messaging.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.bus.UnitOfWork;

/**
 * The book's fake unit of work, for a service's bus tests: one object the bus begins again for
 * every unit of work, holding the inbox and every event ever committed. Like the JDBC one, it saves
 * the aggregates it saw only on commit and publishes their events under new ids ({@code event-1},
 * {@code event-2}, ...) caused by the message that raised them. Subclasses hold the aggregates.
 */
public abstract class InMemoryUnitOfWork implements UnitOfWork {

    /** The {@code ce_source} of the events a fake unit of work publishes. */
    public static final String SOURCE = "/in-memory";

    private final Set<Receipt> inbox = new HashSet<>();
    private final Set<Receipt> receipts = new LinkedHashSet<>();
    private final List<RaisedEvent> pending = new ArrayList<>();
    private final List<Object> raised = new ArrayList<>();
    private final List<RaisedEvent> published = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private boolean committed;
    private int unitsOfWork;

    /** The events the aggregates handed out raised since the last call, oldest first. */
    protected abstract List<Object> drainEvents();

    /** Stores what changed. */
    protected abstract void saveChanges();

    /** Forgets changes not committed, so the next unit of work starts from what was stored. */
    protected abstract void discardChanges();

    /** Starts the next unit of work on the same stored state. */
    protected final void start() {
        this.committed = false;
        this.committedEvents = List.of();
        receipts.clear();
        pending.clear();
        raised.clear();
        unitsOfWork++;
        discardChanges();
    }

    @Override
    public Set<Receipt> firstDeliveries(Collection<Receipt> candidates) {
        return notYetApplied(candidates, inbox::contains, receipts);
    }

    /**
     * The rule of {@link UnitOfWork#firstDeliveries} for a fake: the candidates neither applied before nor
     * already taken by this unit of work, which are added to {@code taken}.
     */
    public static Set<Receipt> notYetApplied(
            Collection<Receipt> candidates, Predicate<Receipt> appliedBefore, Set<Receipt> taken) {
        Set<Receipt> fresh = new LinkedHashSet<>();
        for (Receipt receipt : candidates) {
            if (!appliedBefore.test(receipt) && taken.add(receipt)) {
                fresh.add(receipt);
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
        for (Object event : drainEvents()) {
            pending.add(new RaisedEvent(event, cause));
        }
        raised.forEach(event -> pending.add(new RaisedEvent(event, cause)));
        raised.clear();
    }

    @Override
    public void commit() {
        saveChanges();
        List<RaisedEvent> events = new ArrayList<>();
        for (RaisedEvent event : pending) {
            String id = "event-" + (published.size() + events.size() + 1);
            events.add(new RaisedEvent(event.event(), event.context().causing(SOURCE, id)));
        }
        inbox.addAll(receipts);
        published.addAll(events);
        committedEvents = List.copyOf(events);
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
        pending.clear();
    }

    /** Whether the last unit of work committed. */
    public boolean committed() {
        return committed;
    }

    /** How many units of work the bus began. */
    public int unitsOfWork() {
        return unitsOfWork;
    }

    /** Every event committed so far, oldest first, with the context it was published under. */
    public List<RaisedEvent> published() {
        return List.copyOf(published);
    }

    public List<Object> publishedEvents() {
        return published.stream().map(RaisedEvent::event).toList();
    }
}
