package org.cosmicstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.junit.jupiter.api.Test;

/**
 * {@code redrive}: a dead letter written by the suite's own dead-letter path goes back to its original topic with
 * its key, its bytes and the headers the original record had.
 */
class RedriveCommandIT {

    private static final String BOOTSTRAP = TestKafka.bootstrapServers();
    private static final MessageCodec CODEC = MessageCodec.create();

    @Test
    void aDeadLetterGoesBackToItsTopicWithItsBytesAndOriginalHeaders() throws Exception {
        Topics topics = topics();
        ConsumerRecord<String, byte[]> original = sendOriginal(topics.original());
        ConsumerRecord<String, byte[]> letter = deadLetter(original, topics.deadLetters());

        CliRun run = redrive(topics.deadLetters(), letter, "");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("was dead-lettered: " + MessageRejected.class.getName() + ": no batch batch-404")
                .contains("Re-sent it to " + topics.original());
        List<ConsumerRecord<String, byte[]>> records = TestKafka.read(topics.original(), 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> redriven = records.stream()
                .filter(r -> r.offset() != original.offset() || r.partition() != original.partition())
                .findFirst()
                .orElseThrow();
        assertThat(redriven.key()).isEqualTo(original.key());
        assertThat(redriven.value()).isEqualTo(original.value());
        assertThat(headers(redriven)).isEqualTo(headers(original));
        assertThat(headers(letter)).hasSizeGreaterThan(headers(original).size());
        assertThat(TestKafka.readToEnd(topics.deadLetters()))
                .as("the dead letter stays where it is")
                .hasSize(1);
    }

    @Test
    void dryRunSendsNothing() throws Exception {
        Topics topics = topics();
        ConsumerRecord<String, byte[]> letter = deadLetter(sendOriginal(topics.original()), topics.deadLetters());

        CliRun run = redrive(topics.deadLetters(), letter, " --dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Would send it to " + topics.original());
        assertThat(TestKafka.readToEnd(topics.original())).hasSize(1);
    }

    @Test
    void anOffsetWithNoRecordIsExitStatusOneSayingWhatThePartitionHolds() throws Exception {
        Topics topics = topics();
        deadLetter(sendOriginal(topics.original()), topics.deadLetters());

        CliRun run = redrive(topics.deadLetters(), 0, 7, "");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no such record; that partition holds offsets 0-0 now");
        assertThat(TestKafka.readToEnd(topics.original())).hasSize(1);
    }

    @Test
    void aRecordThatIsNoDeadLetterIsRefused() throws Exception {
        Topics topics = topics();
        ConsumerRecord<String, byte[]> notALetter = sendOriginal(topics.original());

        CliRun run = redrive(topics.original(), notALetter, "");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has no kafka_dlt-original-topic header");
        assertThat(TestKafka.readToEnd(topics.original())).hasSize(1);
    }

    @Test
    void aPartitionTheTopicDoesNotHaveIsExitStatusOne() {
        Topics topics = topics();
        CliRun run = redrive(topics.deadLetters(), 5, 0, "");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has no partition 5");
    }

    @Test
    void missingOptionsAreExitStatusTwo() {
        CliRun run = CliRun.of(CliRun.args(BOOTSTRAP, "redrive", "--topic", "allocation.commands.DLT"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Missing required options")
                .contains("--partition")
                .contains("--offset");
    }

    private static CliRun redrive(String topic, ConsumerRecord<String, byte[]> record, String more) {
        return redrive(topic, record.partition(), record.offset(), more);
    }

    private static CliRun redrive(String topic, int partition, long offset, String more) {
        return CliRun.of(CliRun.args(
                BOOTSTRAP,
                CliRun.words("redrive --topic " + topic + " --partition " + partition + " --offset " + offset + more)));
    }

    private record Topics(String original, String deadLetters) {}

    private static Topics topics() {
        String original = TestKafka.uniqueTopic("cli.redrive");
        TestKafka.createTopic(original, 3);
        TestKafka.createTopic(original + ".DLT", 1);
        return new Topics(original, original + ".DLT");
    }

    /** A command as an outside producer sends it: CloudEvents headers and one of its own. */
    private static ConsumerRecord<String, byte[]> sendOriginal(String topic) throws Exception {
        ChangeBatchQuantity command = new ChangeBatchQuantity("batch-404", 5, "SMALL-TABLE");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "SMALL-TABLE", CODEC.encode(command));
        CloudEventHeaders.write(
                record.headers(),
                MessageContext.newFlow("/procurement"),
                MessageCodec.typeName(command),
                Instant.now(),
                CODEC.contentType());
        record.headers().add("x-procurement-run", new byte[] {0, 1, 2, (byte) 0xFF});
        try (var producer = producer()) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        return TestKafka.read(topic, 1, Duration.ofSeconds(30)).get(0);
    }

    /** Dead-letters {@code record} through the suite's one dead-letter path, as a consumer would. */
    private static ConsumerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String dlt)
            throws Exception {
        try (var deadLetters = new DeadLetterProducer(
                producer(), new MessagingMetrics(new SimpleMeterRegistry()), "allocation-service")) {
            deadLetters.send(record, new MessageRejected("no batch batch-404"), "allocation-service");
        }
        List<ConsumerRecord<String, byte[]>> letters = TestKafka.read(dlt, 1, Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Every header, in order, as name and value (bytes shown as text or hex). */
    private static List<String> headers(ConsumerRecord<String, byte[]> record) {
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + Arrays.toString(header.value()) + " ("
                    + new String(header.value(), StandardCharsets.ISO_8859_1) + ")");
        }
        return headers;
    }
}
