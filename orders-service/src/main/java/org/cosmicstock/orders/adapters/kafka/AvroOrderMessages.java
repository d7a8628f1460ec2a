package org.cosmicstock.orders.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.orders.domain.AllocationRequested;
import org.cosmicstock.orders.domain.OrderCommand;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/** What the orders service sends (Allocate, keyed by SKU) and what it takes from allocation events. */
public final class AvroOrderMessages {

    private final String commandsTopic;

    public AvroOrderMessages(String commandsTopic) {
        this.commandsTopic = commandsTopic;
    }

    public OutgoingMessage toOutgoing(AllocationRequested request) {
        return new OutgoingMessage(
                commandsTopic, request.sku(), new Allocate(request.orderId(), request.sku(), request.qty()));
    }

    /** For the events consumer: the order command an allocation event means; empty for events about stock. */
    public static Optional<Object> toMessage(SpecificRecord event) {
        return toCommand(event).map(command -> command);
    }

    /** The order command an allocation event means; empty for events about stock rather than orders. */
    static Optional<OrderCommand> toCommand(SpecificRecord event) {
        if (event instanceof Allocated e) {
            return Optional.of(new OrderCommand.RecordAllocation(e.getOrderId(), e.getSku(), e.getBatchRef()));
        }
        if (event instanceof OutOfStock e) {
            return Optional.of(new OrderCommand.RecordOutOfStock(e.getOrderId(), e.getSku()));
        }
        if (event instanceof Deallocated e) {
            return Optional.of(new OrderCommand.RecordDeallocation(e.getOrderId(), e.getSku()));
        }
        if (event instanceof AllocationRejected e) {
            return Optional.of(new OrderCommand.RecordRejection(e.getOrderId(), e.getSku(), e.getReason()));
        }
        return Optional.empty();
    }
}
