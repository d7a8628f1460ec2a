package org.cosmicstock.messaging.bus;

import java.util.Objects;

/** A message to handle, with the identity and lineage it arrived with. */
public record Envelope(Object message, MessageContext context) {

    public Envelope {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(context, "context");
    }
}
