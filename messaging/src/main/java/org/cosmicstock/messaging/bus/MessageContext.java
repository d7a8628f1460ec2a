package org.cosmicstock.messaging.bus;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity and lineage of the message being handled: who sent it ({@code source}) and its id there
 * (together the de-duplication key, as CloudEvents defines), the id of the request that started the
 * flow, the id of the message that caused it, and the W3C trace context it travels with.
 */
public record MessageContext(
        String source, String messageId, String correlationId, String causationId, String traceparent) {

    public MessageContext {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A message that starts a new flow at {@code source}, such as an HTTP request or a test. */
    public static MessageContext newFlow(String source) {
        String id = UUID.randomUUID().toString();
        return new MessageContext(source, id, id, null, Traceparent.random());
    }

    /** The context of a message {@code source} sends because of this one, identified by {@code childId}. */
    public MessageContext causing(String source, String childId) {
        return new MessageContext(source, childId, correlationId, messageId, Traceparent.childOf(traceparent));
    }

    /** The receipt that records this message as applied by {@code handler} ("" for a command's one handler). */
    public Receipt receipt(String handler) {
        return new Receipt(source, messageId, handler);
    }
}
