package org.cosmicstock.messaging.bus;

import java.util.Objects;

/**
 * What the inbox records for an applied message: its source and id (unique together, as CloudEvents
 * says; two producers may number their messages alike) and the handler that applied it, empty for a
 * command (one handler) and the handler's registered name for an event (each handler applies it once).
 */
public record Receipt(String source, String messageId, String handler) {

    public Receipt {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(handler, "handler");
    }
}
