package org.cosmicstock.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.Identifiers;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Traceparent;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.registry.RegistryRefusedException;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import org.cosmicstock.schemas.registry.SchemaNotRegisteredException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One command of the contract to {@code allocation.commands}: encoded by the suite's codec in the chosen wire
 * format, keyed as the contract says, with every CloudEvents header the suite itself writes. Values outside the
 * contract's limits are refused here, naming the option, instead of being dead-lettered by the service.
 */
abstract class SendCommand extends ClientCommand {

    static final String SOURCE = "/cosmic-stock-cli";

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "single-object (Avro single-object encoding) or registry (the schema-registry format,"
                    + " needs --registry-url); default: registry when --registry-url is given, else single-object")
    String format;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = "allocation.commands",
            description = "default: ${DEFAULT-VALUE}")
    String topic;

    @Option(
            names = "--id",
            paramLabel = "ID",
            description = "ce_id, the message's identity for de-duplication (default: a random UUID); the same"
                    + " id again is applied once")
    String id;

    @Option(
            names = "--source",
            paramLabel = "SOURCE",
            defaultValue = SOURCE,
            description = "ce_source (default: ${DEFAULT-VALUE})")
    String source;

    /** The message, its fields checked against the contract's limits. */
    abstract SpecificRecord message();

    /** The record's key: the SKU. */
    abstract String key();

    @Override
    public Integer call() {
        SpecificRecord message;
        String messageId;
        try {
            message = message();
            messageId = id == null ? UUID.randomUUID().toString() : Identifiers.check("--id", id);
            Identifiers.check("--source", source);
        } catch (ContractViolation invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
        }
        MessageCodec codec = encoding.codec(format);
        byte[] payload;
        try {
            payload = codec.encode(topic, message);
        } catch (SchemaNotRegisteredException | RegistryRefusedException | RegistryUnavailableException e) {
            throw new ClientFailure("schema registry " + encoding.registryUrl + ": " + e.getMessage(), e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key(), payload);
        MessageContext context = new MessageContext(source, messageId, messageId, null, Traceparent.random());
        CloudEventHeaders.write(
                record.headers(), context, MessageCodec.typeName(message), Instant.now(), codec.contentType());
        RecordMetadata sent;
        try (KafkaProducer<String, byte[]> producer = connection.producer()) {
            sent = connection.send(producer, record);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Sent %s to %s partition %d offset %d (key %s, ce_id %s, %s)%n",
                message.getSchema().getName(),
                sent.topic(),
                sent.partition(),
                sent.offset(),
                record.key(),
                messageId,
                codec.contentType());
        out.flush();
        return 0;
    }

    static String identifier(String option, String value) {
        return Identifiers.check(option, value);
    }

    @Command(
            name = "create-batch",
            mixinStandardHelpOptions = true,
            description = "Sends CreateBatch: a new batch of stock, in the warehouse or (with --eta) on its way."
                    + " Key: the SKU.")
    static final class CreateBatchCommand extends SendCommand {

        @Option(names = "--ref", required = true, paramLabel = "REF", description = "batch reference")
        String ref;

        @Option(names = "--sku", required = true, paramLabel = "SKU")
        String sku;

        @Option(names = "--qty", required = true, paramLabel = "N", description = "purchased units, 1-1000000")
        long qty;

        @Option(
                names = "--eta",
                paramLabel = "YYYY-MM-DD",
                description = "expected arrival; without it the batch is in the warehouse")
        String eta;

        @Override
        SpecificRecord message() {
            LocalDate arrival = null;
            if (eta != null) {
                try {
                    arrival = LocalDate.parse(eta);
                } catch (DateTimeParseException e) {
                    throw new ContractViolation("--eta", "must be a date as YYYY-MM-DD, e.g. 2026-12-24");
                }
            }
            return new CreateBatch(
                    identifier("--ref", ref),
                    identifier("--sku", sku),
                    Quantity.of("--qty", qty).value(),
                    arrival);
        }

        @Override
        String key() {
            return sku;
        }
    }

    @Command(
            name = "allocate",
            mixinStandardHelpOptions = true,
            description = "Sends Allocate: one order line to allocate to a batch. Key: the SKU.")
    static final class AllocateCommand extends SendCommand {

        @Option(names = "--order-id", required = true, paramLabel = "ID")
        String orderId;

        @Option(names = "--sku", required = true, paramLabel = "SKU")
        String sku;

        @Option(names = "--qty", required = true, paramLabel = "N", description = "units, 1-1000000")
        long qty;

        @Override
        SpecificRecord message() {
            return new Allocate(
                    identifier("--order-id", orderId),
                    identifier("--sku", sku),
                    Quantity.of("--qty", qty).value());
        }

        @Override
        String key() {
            return sku;
        }
    }

    @Command(
            name = "change-batch-quantity",
            mixinStandardHelpOptions = true,
            description = "Sends ChangeBatchQuantity: a batch's new purchased quantity (lines it can no longer"
                    + " hold are reallocated). Key: the SKU when --sku is given (recommended: the change is"
                    + " then ordered with the SKU's other commands), else the batch reference.")
    static final class ChangeBatchQuantityCommand extends SendCommand {

        @Option(names = "--ref", required = true, paramLabel = "REF", description = "batch reference")
        String ref;

        @Option(names = "--qty", required = true, paramLabel = "N", description = "new purchased units, 0-1000000")
        long qty;

        @Option(names = "--sku", paramLabel = "SKU", description = "the batch's SKU, if known")
        String sku;

        @Override
        SpecificRecord message() {
            return new ChangeBatchQuantity(
                    identifier("--ref", ref),
                    Quantity.orZero("--qty", qty).value(),
                    sku == null ? null : identifier("--sku", sku));
        }

        @Override
        String key() {
            return sku == null ? ref : sku;
        }
    }
}
