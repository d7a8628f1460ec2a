package org.cosmicstock.messaging.bus;

import java.util.Objects;

/**
 * A message to handle, with the identity and lineage it arrived with and its type's name (the wire
 * type of a message read from the broker, the class's simple name otherwise): the name its handling
 * is timed and traced under.
 */
public record Envelope(Object message, MessageContext context, String type) {

    public Envelope {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(type, "type");
    }

    public Envelope(Object message, MessageContext context) {
        this(message, context, message.getClass().getSimpleName());
    }
}
