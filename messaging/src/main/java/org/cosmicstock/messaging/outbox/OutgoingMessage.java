package org.cosmicstock.messaging.outbox;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/** An event as it goes on the wire: its topic, its key (the SKU) and its Avro payload. */
public record OutgoingMessage(String topic, String key, SpecificRecord payload) {

    public OutgoingMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
