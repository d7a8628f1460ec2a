package org.cosmicstock.allocation.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/** Maps domain events to what the outbox publishes (the events topic, keyed by SKU), and back for the ones read back. */
public final class AvroEvents {

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
        if (event instanceof Event.BatchCreated e) {
            return new org.cosmicstock.schemas.events.BatchCreated(e.ref(), e.sku(), e.qty(), e.eta());
        }
        if (event instanceof Event.BatchQuantityChanged e) {
            return new org.cosmicstock.schemas.events.BatchQuantityChanged(e.ref(), e.sku(), e.qty());
        }
        if (event instanceof Event.Allocated e) {
            return new org.cosmicstock.schemas.events.Allocated(
                    e.orderId(), e.sku(), e.qty(), e.batchRef(), e.batchAllocated());
        }
        if (event instanceof Event.Deallocated e) {
            return new org.cosmicstock.schemas.events.Deallocated(
                    e.orderId(), e.sku(), e.qty(), e.batchRef(), e.batchAllocated());
        }
        if (event instanceof Event.OutOfStock e) {
            return new org.cosmicstock.schemas.events.OutOfStock(e.orderId(), e.sku(), e.qty());
        }
        if (event instanceof Event.AllocationRejected e) {
            return new org.cosmicstock.schemas.events.AllocationRejected(e.orderId(), e.sku(), e.qty(), e.reason());
        }
        throw new IllegalArgumentException("No Avro schema for " + event);
    }
}
