package org.cosmicstock.allocation.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/**
 * Maps domain events to what the outbox publishes (the events topic, keyed by SKU), and back for the ones read back.
 * Each record under {@link Event} is written as the Avro event of its name, field by field ({@link RecordsByName}).
 */
public final class AvroEvents {

    private static final ToAvro EVENTS = RecordsByName.toAvro(Event.class, "org.cosmicstock.schemas.events");

    private final String topic;

    public AvroEvents(String topic) {
        this.topic = topic;
    }

    public OutgoingMessage toOutgoing(Event event) {
        return new OutgoingMessage(topic, event.sku(), toAvro(event));
    }

    /**
     * What the service reads back from its own events: a Deallocated, so a reallocation whose
     * in-process run was lost is applied anyway; every other event is none of its business. A v1
     * Deallocated (written before the batch and its total were added) maps with both null: the
     * reallocation needs only the line, and one still in the topic must not be lost.
     */
    public static Optional<Object> ownEventToMessage(SpecificRecord payload) {
        if (payload instanceof org.cosmicstock.schemas.events.Deallocated e) {
            return Optional.of(new Event.Deallocated(
                    e.getOrderId(), e.getSku(), e.getQty(), e.getBatchRef(), e.getBatchAllocated()));
        }
        return Optional.empty();
    }

    static SpecificRecord toAvro(Event event) {
        return EVENTS.map((Record) event);
    }
}
