package org.cosmicstock.allocation.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Allocate;
import org.cosmicstock.allocation.domain.ChangeBatchQuantity;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.CreateBatch;
import org.cosmicstock.messaging.bus.MessageRejected;

/** Maps Avro commands to domain commands, rejecting what breaks the contract (no handler could ever apply it). */
public final class AvroCommands {

    private AvroCommands() {}

    /** For the commands consumer: every payload on the commands topic must be a command. */
    public static Optional<Object> toMessage(SpecificRecord payload) {
        return Optional.of(toDomain(payload));
    }

    static Command toDomain(SpecificRecord payload) {
        if (payload instanceof org.cosmicstock.schemas.commands.CreateBatch c) {
            return new CreateBatch(
                    required("ref", c.getRef()),
                    required("sku", c.getSku()),
                    atLeast("qty", c.getQty(), 1),
                    c.getEta());
        }
        if (payload instanceof org.cosmicstock.schemas.commands.Allocate a) {
            return new Allocate(
                    required("orderId", a.getOrderId()), required("sku", a.getSku()), atLeast("qty", a.getQty(), 1));
        }
        if (payload instanceof org.cosmicstock.schemas.commands.ChangeBatchQuantity c) {
            return new ChangeBatchQuantity(
                    required("ref", c.getRef()), atLeast("qty", c.getQty(), 0), blankToNull(c.getSku()));
        }
        throw new MessageRejected(
                "Not an allocation command: " + payload.getSchema().getFullName());
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MessageRejected("Invalid message: " + field + " is required");
        }
        return value;
    }

    private static int atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new MessageRejected("Invalid message: " + field + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
