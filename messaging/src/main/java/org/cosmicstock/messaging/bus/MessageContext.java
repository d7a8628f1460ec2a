package org.cosmicstock.messaging.bus;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity and lineage of the message being handled: who sent it ({@code source}) and its id there
 * (together the de-duplication key, as CloudEvents defines), the id of the request that started the
 * flow, the id of the message that caused it, and the W3C trace context it travels with (null for a
 * message that came without one: its handling starts a trace).
 */
public record MessageContext(
        String source, String messageId, String correlationId, String causationId, String traceparent) {

    public MessageContext {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A message that starts a new flow at {@code source}, such as a test, in a trace of its own. */
    public static MessageContext newFlow(String source) {
        return newFlow(source, null);
    }

    /**
     * A message that starts a new flow at {@code source}, such as an HTTP request, in the trace of
     * {@code traceparent} (the request's span); a trace of its own if that is not a valid one.
     */
    public static MessageContext newFlow(String source, String traceparent) {
        String id = UUID.randomUUID().toString();
        return new MessageContext(
                source, id, id, null, Traceparent.isValid(traceparent) ? traceparent : Traceparent.random());
    }

    /**
     * The context of a message {@code source} sends because of this one, identified by {@code childId}:
     * sent from within this one's span, so it carries this one's trace context.
     */
    public MessageContext causing(String source, String childId) {
        return new MessageContext(source, childId, correlationId, messageId, traceparent);
    }

    /** This context within another span of the same flow (the span that handles it). */
    public MessageContext within(String spanTraceparent) {
        return new MessageContext(source, messageId, correlationId, causationId, spanTraceparent);
    }

    /** The receipt that records this message as applied by {@code handler} ("" for a command's one handler). */
    public Receipt receipt(String handler) {
        return new Receipt(source, messageId, handler);
    }
}
