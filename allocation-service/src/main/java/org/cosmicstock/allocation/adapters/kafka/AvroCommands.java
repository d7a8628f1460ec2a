package org.cosmicstock.allocation.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Allocate;
import org.cosmicstock.allocation.domain.ChangeBatchQuantity;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.CreateBatch;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.schemas.limits.ContractLimits;
import org.cosmicstock.schemas.limits.ContractViolation;

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
        return ContractLimits.identifier(field, value);
    }

    private static int atLeast(String field, int value, int minimum) {
        return ContractLimits.quantity(field, value, minimum);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : ContractLimits.identifier("sku", value);
    }
}
