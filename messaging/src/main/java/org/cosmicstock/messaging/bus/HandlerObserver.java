package org.cosmicstock.messaging.bus;

/**
 * Told when a handler starts and finishes a message, so an adapter can time it as a metric, trace it
 * as a span and put the message's ids into the logging context; the bus itself keeps none of them.
 */
public interface HandlerObserver {

    HandlerObserver NONE = new HandlerObserver() {};

    /**
     * The handler is about to run; returns the context it runs in, which the messages it causes
     * inherit (the envelope's, or the same within the span that traces the handling).
     */
    default MessageContext starting(Envelope envelope) {
        return envelope.context();
    }

    default void finished(Envelope envelope, long nanos) {}
}
