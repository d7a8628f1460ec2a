package org.cosmicstock.allocation.adapters.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.adapters.kafka.RecordsByName.ByHand;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;
import org.cosmicstock.messaging.bus.MessageRejected;

/**
 * Maps Avro commands to domain commands, rejecting what breaks the contract (no handler could ever apply it). Each
 * record under {@link Command} is read from the Avro command of its name, field by field ({@link RecordsByName}):
 * the value objects from their {@code of(field, value)}, except the components converted by hand below.
 */
public final class AvroCommands {

    private static final FromAvro<Command> COMMANDS = RecordsByName.fromAvro(
            Command.class,
            "org.cosmicstock.schemas.commands",
            new ByHand(Command.ChangeBatchQuantity.class, "qty", AvroCommands::zeroOrMore),
            new ByHand(Command.ChangeBatchQuantity.class, "sku", AvroCommands::optionalSku));

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
        return COMMANDS.map(payload)
                .orElseThrow(() -> new MessageRejected(
                        "Not an allocation command: " + payload.getSchema().getFullName()));
    }

    /** A batch's quantity may be changed to zero; every other quantity of the contract is at least one unit. */
    private static Quantity zeroOrMore(String field, Object value) {
        return Quantity.orZero(field, (Integer) value);
    }

    /** The SKU is optional in ChangeBatchQuantity: absent or blank means the producer knows only the batch. */
    private static Sku optionalSku(String field, Object value) {
        String sku = (String) value;
        return sku == null || sku.isBlank() ? null : Sku.of(field, sku);
    }
}
