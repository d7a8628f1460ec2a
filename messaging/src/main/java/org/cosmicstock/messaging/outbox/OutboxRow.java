package org.cosmicstock.messaging.outbox;

import java.time.Instant;
import org.cosmicstock.messaging.bus.MessageContext;

/** One committed, not yet published outbox row. */
public record OutboxRow(
        long id,
        MessageContext context,
        String topic,
        String key,
        String type,
        byte[] payload,
        Instant createdAt,
        int attempts) {

    public String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
