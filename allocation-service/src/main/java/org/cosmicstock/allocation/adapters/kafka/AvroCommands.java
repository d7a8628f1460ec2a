package org.cosmicstock.allocation.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;
import org.cosmicstock.messaging.bus.MessageRejected;

/** Maps Avro commands to domain commands, rejecting what breaks the contract (no handler could ever apply it). */
public final class AvroCommands {

    private AvroCommands() {}

    /** For the commands consumer: every payload on the commands topic must be a command. */
    public static Optional<Object> toMessage(SpecificRecord payload) {
        return Optional.of(toDomain(payload));
    }

    /** The contract's limits (ids and SKUs 1-128 characters, quantities up to 1,000,000) hold on Kafka as on HTTP. */
    static Command toDomain(SpecificRecord payload) {
        try {
            return map(payload);
        } catch (ContractViolation violation) {
            throw new MessageRejected("Invalid message: " + violation.getMessage());
        }
    }

    private static Command map(SpecificRecord payload) {
        if (payload instanceof org.cosmicstock.schemas.commands.CreateBatch c) {
            return new Command.CreateBatch(
                    BatchRef.of("ref", c.getRef()),
                    Sku.of("sku", c.getSku()),
                    Quantity.of("qty", c.getQty()),
                    c.getEta());
        }
        if (payload instanceof org.cosmicstock.schemas.commands.Allocate a) {
            return new Command.Allocate(
                    OrderId.of("orderId", a.getOrderId()), Sku.of("sku", a.getSku()), Quantity.of("qty", a.getQty()));
        }
        if (payload instanceof org.cosmicstock.schemas.commands.ChangeBatchQuantity c) {
            return new Command.ChangeBatchQuantity(
                    BatchRef.of("ref", c.getRef()), Quantity.orZero("qty", c.getQty()), optionalSku(c.getSku()));
        }
        throw new MessageRejected(
                "Not an allocation command: " + payload.getSchema().getFullName());
    }

    /** The SKU is optional in ChangeBatchQuantity: absent or blank means the producer knows only the batch. */
    private static Sku optionalSku(String value) {
        return value == null || value.isBlank() ? null : Sku.of("sku", value);
    }
}
