package org.cosmicstock.stockview.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.stockview.domain.StockEvent;

/**
 * Maps Avro allocation events to the view's events; events that change no stock (OutOfStock,
 * AllocationRejected) map to empty and are counted as skipped.
 */
final class AvroStockEvents {

    private AvroStockEvents() {}

    static Optional<StockEvent> toDomain(SpecificRecord payload) {
        if (payload instanceof BatchCreated e) {
            return Optional.of(new StockEvent.BatchCreated(e.getRef(), e.getSku(), e.getQty(), e.getEta()));
        }
        if (payload instanceof BatchQuantityChanged e) {
            return Optional.of(new StockEvent.BatchQuantityChanged(e.getRef(), e.getSku(), e.getQty()));
        }
        if (payload instanceof Allocated e) {
            return Optional.of(new StockEvent.Allocated(e.getOrderId(), e.getSku(), e.getQty(), e.getBatchRef()));
        }
        if (payload instanceof Deallocated e) {
            return Optional.of(new StockEvent.Deallocated(e.getOrderId(), e.getSku(), e.getQty()));
        }
        return Optional.empty();
    }
}
