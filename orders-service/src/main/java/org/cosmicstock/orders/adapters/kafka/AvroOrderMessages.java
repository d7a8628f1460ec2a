package org.cosmicstock.orders.adapters.kafka;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Sku;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/** What the orders service sends (Allocate, keyed by SKU) and what it takes from allocation events. */
public final class AvroOrderMessages {

    /** The contract types this service sends: what it verifies at start-up and counts as published. */
    public static final List<Class<? extends SpecificRecord>> SENT = List.of(Allocate.class);

    private final String commandsTopic;

    public AvroOrderMessages(String commandsTopic) {
        this.commandsTopic = commandsTopic;
    }

    public OutgoingMessage toOutgoing(Event event) {
        return new OutgoingMessage(commandsTopic, event.sku(), toAvro(event));
    }

    /**
     * For the events consumer: the order command an allocation event means; empty for events about stock. An
     * event whose ids break the contract's limits is refused (a dead letter with the reason), as a command is.
     */
    public static Optional<Object> toMessage(SpecificRecord event) {
        try {
            return toCommand(event).map(command -> command);
        } catch (ContractViolation violation) {
            throw new MessageRejected("Invalid message: " + violation.getMessage());
        }
    }

    static SpecificRecord toAvro(Event event) {
        if (event instanceof Event.AllocationRequested e) {
            return new Allocate(e.orderId(), e.sku(), e.qty());
        }
        throw new IllegalArgumentException("No Avro schema for " + event);
    }

    /** The order command an allocation event means; empty for events about stock rather than orders. */
    static Optional<Command> toCommand(SpecificRecord event) {
        if (event instanceof Allocated e) {
            return Optional.of(new Command.RecordAllocation(
                    OrderId.of("orderId", e.getOrderId()),
                    Sku.of("sku", e.getSku()),
                    BatchRef.of("batchRef", e.getBatchRef())));
        }
        if (event instanceof OutOfStock e) {
            return Optional.of(
                    new Command.RecordOutOfStock(OrderId.of("orderId", e.getOrderId()), Sku.of("sku", e.getSku())));
        }
        if (event instanceof Deallocated e) {
            return Optional.of(
                    new Command.RecordDeallocation(OrderId.of("orderId", e.getOrderId()), Sku.of("sku", e.getSku())));
        }
        if (event instanceof AllocationRejected e) {
            return Optional.of(new Command.RecordRejection(
                    OrderId.of("orderId", e.getOrderId()), Sku.of("sku", e.getSku()), e.getReason()));
        }
        return Optional.empty();
    }
}
