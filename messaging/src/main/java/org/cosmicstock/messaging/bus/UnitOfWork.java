package org.cosmicstock.messaging.bus;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One atomic change, possibly made by many messages: the aggregates they changed, the events those
 * raised (written to the outbox) and a receipt per message (the inbox) commit together or not at
 * all. Closing without commit rolls back, so an error anywhere loses nothing and half-does nothing.
 */
public interface UnitOfWork extends AutoCloseable {

    /**
     * Records, in this unit of work, that the messages with these receipts are applied, and returns
     * those recorded now: the others were applied before, and their messages must change nothing.
     */
    Set<Receipt> firstDeliveries(Collection<Receipt> receipts);

    /** Loads, in bulk, what these messages are about to need; optional, a way to save round trips. */
    default void prepare(List<Object> messages) {}

    /**
     * Of these messages, those about nothing this service holds, so that handling one changes
     * nothing now and would change nothing when delivered again (news about an order placed
     * elsewhere): they are skipped without a receipt, and a batch of only such messages writes
     * nothing. Asked first, before the receipts are recorded; it may read in bulk what {@link
     * #prepare} would need. The default, none, records a receipt for every message.
     */
    default Set<Object> foreign(List<Object> messages) {
        return Set.of();
    }

    /**
     * Takes the events raised since the last call, by the aggregates this unit of work handed out and
     * by {@link #raise(Object)}, as caused by the message identified by {@code cause}.
     */
    void collectEvents(MessageContext cause);

    /** Raises an event no aggregate raised, such as the refusal of a command about an unknown aggregate. */
    void raise(Object event);

    void commit();

    /** The events committed by {@link #commit()}, oldest first, each with the context it was published under. */
    List<RaisedEvent> committedEvents();

    /** Rolls back unless committed. */
    @Override
    void close();
}
