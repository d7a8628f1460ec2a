package org.cosmicstock.messaging.bus;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity and lineage of the message being handled: its id (the de-duplication key), the id
 * of the request that started the flow, the id of the message that caused it, and the W3C
 * trace context it travels with.
 */
public record MessageContext(String messageId, String correlationId, String causationId, String traceparent) {

    public MessageContext {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A message that starts a new flow, such as an HTTP request or a test. */
    public static MessageContext newFlow() {
        String id = UUID.randomUUID().toString();
        return new MessageContext(id, id, null, Traceparent.random());
    }

    /** The context of a message caused by this one, identified by {@code childId}. */
    public MessageContext causing(String childId) {
        return new MessageContext(childId, correlationId, messageId, traceparent);
    }
}
