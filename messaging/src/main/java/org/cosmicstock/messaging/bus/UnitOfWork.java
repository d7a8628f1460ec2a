package org.cosmicstock.messaging.bus;

import java.util.List;

/**
 * One atomic change: the aggregate, the events it raised (written to the outbox) and the receipt of
 * the message being handled (the inbox) commit together or not at all. Closing without commit rolls
 * back, so an error anywhere loses nothing and half-does nothing.
 */
public interface UnitOfWork extends AutoCloseable {

    /**
     * Records, in this unit of work, that the message identified by {@code receipt} is applied.
     * Returns false when it already was: the caller must then change nothing.
     */
    boolean firstDelivery(String receipt);

    void commit();

    /** The events committed by {@link #commit()}, each with the context it was published under. */
    List<RaisedEvent> committedEvents();

    /** Rolls back unless committed. */
    @Override
    void close();
}
