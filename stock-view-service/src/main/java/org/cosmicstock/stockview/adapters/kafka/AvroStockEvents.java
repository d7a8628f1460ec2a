package org.cosmicstock.stockview.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.stockview.domain.Event;

/**
 * Maps Avro allocation events to the view's events; events that change no stock (OutOfStock,
 * AllocationRejected) map to empty and are counted as skipped.
 */
final class AvroStockEvents {

    private AvroStockEvents() {}

    static Optional<Event> toDomain(SpecificRecord payload) {
        if (payload instanceof org.cosmicstock.schemas.events.BatchCreated e) {
            return Optional.of(new Event.BatchCreated(e.getRef(), e.getSku(), e.getQty(), e.getEta()));
        }
        if (payload instanceof org.cosmicstock.schemas.events.BatchQuantityChanged e) {
            return Optional.of(new Event.BatchQuantityChanged(e.getRef(), e.getSku(), e.getQty()));
        }
        if (payload instanceof org.cosmicstock.schemas.events.Allocated e) {
            return Optional.of(new Event.Allocated(
                    e.getOrderId(), e.getSku(), e.getQty(), e.getBatchRef(), e.getBatchAllocated()));
        }
        if (payload instanceof org.cosmicstock.schemas.events.Deallocated e) {
            return Optional.of(new Event.Deallocated(
                    e.getOrderId(), e.getSku(), e.getQty(), e.getBatchRef(), e.getBatchAllocated()));
        }
        return Optional.empty();
    }
}
