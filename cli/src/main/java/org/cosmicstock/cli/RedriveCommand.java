package org.cosmicstock.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.schemas.codec.MessageDecodingException;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Re-sends one dead letter to the topic it was dead-lettered from, once an operator has fixed its cause (the batch
 * now exists, the consumer was fixed). The key and value go back byte for byte; the headers go back as they were
 * on the original record: the ones the dead-lettering added ({@code dlt_*}, {@code kafka_dlt-*}) are dropped, so
 * that a record that fails again is dead-lettered with one fresh reason, not two. {@code ce_id} is kept: a command
 * that was refused was never applied, so it is applied now, and redriving it twice applies it once (the
 * consumers' inbox). The partition follows from the key, as for the original producer; the timestamp is new.
 */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        description = "Re-sends the dead letter at --topic/--partition/--offset to its original topic (its"
                + " kafka_dlt-original-topic header) with its key, value and original headers; the dead-letter"
                + " headers (dlt_*, kafka_dlt-*) are dropped. Fix the cause first: what failed fails again.")
final class RedriveCommand extends ClientCommand {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final Duration POLL = Duration.ofMillis(200);

    @Option(
            names = "--topic",
            required = true,
            paramLabel = "TOPIC.DLT",
            description = "the dead-letter topic, e.g. allocation.commands.DLT")
    String topic;

    @Option(names = "--partition", required = true, paramLabel = "P")
    int partition;

    @Option(names = "--offset", required = true, paramLabel = "N")
    long offset;

    @Option(names = "--dry-run", description = "print what would be sent, send nothing")
    boolean dryRun;

    /** Whether a header was added by the dead-lettering, not by the original producer. */
    static boolean isDeadLetterHeader(String name) {
        return name.startsWith("dlt_") || name.startsWith("kafka_dlt-");
    }

    @Override
    public Integer call() {
        if (partition < 0 || offset < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partition and --offset must be 0 or more");
        }
        ConsumerRecord<String, byte[]> letter = read();
        String original = CloudEventHeaders.text(letter.headers(), ORIGINAL_TOPIC);
        if (original == null || original.isBlank()) {
            throw new ClientFailure(where() + " has no " + ORIGINAL_TOPIC
                    + " header: not a dead letter of the suite, nowhere to send it back to");
        }
        Headers kept = new RecordHeaders();
        int dropped = 0;
        for (Header header : letter.headers()) {
            if (isDeadLetterHeader(header.key())) {
                dropped++;
            } else {
                kept.add(header.key(), header.value());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        String reason = CloudEventHeaders.text(letter.headers(), DeadLetters.REASON_HEADER);
        out.printf("%s was dead-lettered: %s%n", where(), reason == null ? "(no dlt_reason header)" : reason);
        String stillUndecodable = undecodable(letter.value());
        if (stillUndecodable != null) {
            out.printf(
                    "Note: its value does not decode here (%s); unless its consumer reads it now, it will be"
                            + " dead-lettered again%n",
                    stillUndecodable);
        }
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(original, null, Instant.now().toEpochMilli(), letter.key(), letter.value(), kept);
        String ceId = CloudEventHeaders.text(kept, CloudEventHeaders.ID);
        if (dryRun) {
            out.printf(
                    "Would send it to %s (key %s, ce_id %s, %d headers kept, %d dead-letter headers dropped)%n",
                    original, letter.key(), ceId, kept.toArray().length, dropped);
            out.flush();
            return 0;
        }
        RecordMetadata sent;
        try (KafkaProducer<String, byte[]> producer = connection.producer()) {
            sent = connection.send(producer, record);
        }
        out.printf(
                "Re-sent it to %s partition %d offset %d (key %s, ce_id %s, %d headers kept, %d dead-letter"
                        + " headers dropped)%n",
                sent.topic(), sent.partition(), sent.offset(), letter.key(), ceId, kept.toArray().length, dropped);
        out.flush();
        return 0;
    }

    private ConsumerRecord<String, byte[]> read() {
        TopicPartition at = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, byte[]> consumer = connection.consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, connection.timeout());
            if (partitions == null || partitions.isEmpty()) {
                throw new ClientFailure("no topic " + topic + " at " + connection.bootstrapServers);
            }
            if (partitions.stream().noneMatch(info -> info.partition() == partition)) {
                throw new ClientFailure(topic + " has no partition " + partition + " (it has " + partitions.size()
                        + ": 0-" + (partitions.size() - 1) + ")");
            }
            consumer.assign(List.of(at));
            long begin = consumer.beginningOffsets(List.of(at)).get(at);
            long end = consumer.endOffsets(List.of(at)).get(at);
            if (offset < begin || offset >= end) {
                throw new ClientFailure(where() + ": no such record; that partition holds offsets "
                        + (begin < end ? begin + "-" + (end - 1) : "none") + " now");
            }
            consumer.seek(at, offset);
            long deadline = System.nanoTime() + connection.timeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        throw new ClientFailure(where() + " holds no record (a transaction marker, or removed)");
                    }
                }
                if (consumer.position(at) > offset) {
                    throw new ClientFailure(where() + " holds no record (a transaction marker, or removed)");
                }
            }
            throw new ClientFailure(where() + " could not be read within " + connection.timeoutSeconds + " s");
        } catch (KafkaException e) {
            throw new ClientFailure("reading " + where() + " at " + connection.bootstrapServers + ": " + e, e);
        }
    }

    private String undecodable(byte[] value) {
        if (value == null) {
            return "no value";
        }
        try {
            encoding.reader().decode(value);
            return null;
        } catch (MessageDecodingException | RegistryUnavailableException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String where() {
        return topic + " partition " + partition + " offset " + offset;
    }
}
