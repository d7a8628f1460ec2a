package org.cosmicstock.messaging.bus;

/**
 * Told when a handler starts and finishes a message, so an adapter can time it as a metric and put
 * the message's ids into the logging context; the bus itself keeps neither.
 */
public interface HandlerObserver {

    HandlerObserver NONE = new HandlerObserver() {};

    default void starting(Envelope envelope) {}

    default void finished(Envelope envelope, long nanos) {}
}
