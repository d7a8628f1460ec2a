package org.cosmicstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.BatchCreated;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tail}: a topic's records as JSON lines, decoded by the suite's codec, on a real broker. */
class TailCommandIT {

    private static final String BOOTSTRAP = TestKafka.bootstrapServers();
    private static final MessageCodec CODEC = MessageCodec.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRecordIsOneJsonLineWithItsDecodedPayloadAndHeaders() throws Exception {
        String topic = topic();
        send(topic, "SMALL-TABLE", new BatchCreated("batch-001", "SMALL-TABLE", 20, LocalDate.of(2026, 12, 24)));
        send(topic, "SMALL-TABLE", new Allocated("order-1", "SMALL-TABLE", 3, "batch-001", 3));
        send(topic, "LAMP", new Allocated("order-2", "LAMP", 1, "batch-lamp", null));
        sendBytes(topic, "SMALL-TABLE", "not avro".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.of(CliRun.args(BOOTSTRAP, "tail", "--topic", topic, "--from-beginning"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = parse(run);
        assertThat(lines).hasSize(4);
        JsonNode created = only(lines, "BatchCreated");
        assertThat(created.get("topic").asText()).isEqualTo(topic);
        assertThat(created.get("key").asText()).isEqualTo("SMALL-TABLE");
        assertThat(created.get("payload"))
                .isEqualTo(JSON.readTree(
                        "{\"ref\":\"batch-001\",\"sku\":\"SMALL-TABLE\",\"qty\":20,\"eta\":\"2026-12-24\"}"));
        assertThat(created.get("headers").get("ce_type").asText())
                .isEqualTo("org.cosmicstock.schemas.events.BatchCreated");
        assertThat(created.get("headers").get("content-type").asText()).isEqualTo("application/avro");
        assertThat(lines.stream()
                        .filter(line -> "Allocated".equals(line.path("type").asText()))
                        .map(line -> line.get("payload"))
                        .toList())
                .containsExactlyInAnyOrder(
                        JSON.readTree("{\"orderId\":\"order-1\",\"sku\":\"SMALL-TABLE\",\"qty\":3,"
                                + "\"batchRef\":\"batch-001\",\"batchAllocated\":3}"),
                        JSON.readTree("{\"orderId\":\"order-2\",\"sku\":\"LAMP\",\"qty\":1,"
                                + "\"batchRef\":\"batch-lamp\",\"batchAllocated\":null}"));
        JsonNode garbage =
                lines.stream().filter(line -> line.has("error")).findFirst().orElseThrow();
        assertThat(garbage.has("payload")).isFalse();
        assertThat(garbage.get("error").asText()).startsWith("MalformedMessageException");
        for (JsonNode line : lines) {
            assertThat(line.get("partition").isInt()).isTrue();
            assertThat(line.get("offset").isNumber()).isTrue();
            assertThat(Instant.parse(line.get("timestamp").asText())).isBefore(Instant.now());
        }
    }

    @Test
    void skuKeepsOnlyThatSkusRecords() throws Exception {
        String topic = topic();
        send(topic, "SMALL-TABLE", new Allocated("order-1", "SMALL-TABLE", 3, "batch-001", 3));
        send(topic, "LAMP", new Allocated("order-2", "LAMP", 1, "batch-lamp", 1));
        send(topic, "LAMP", new Allocated("order-3", "LAMP", 2, "batch-lamp", 3));

        CliRun run = CliRun.of(CliRun.args(BOOTSTRAP, "tail", "--topic", topic, "--from-beginning", "--sku", "LAMP"));

        assertThat(orderIdsPrinted(run)).containsExactly("order-2", "order-3");
    }

    @Test
    void withoutFromBeginningItStartsTheLastRecordsBeforeTheEnd() throws Exception {
        String topic = TestKafka.uniqueTopic("cli.tail-last");
        TestKafka.createTopic(topic, 1);
        for (int i = 1; i <= 5; i++) {
            send(topic, "LAMP", new Allocated("order-" + i, "LAMP", 1, "batch-lamp", i));
        }

        CliRun run = CliRun.of(CliRun.args(BOOTSTRAP, "tail", "--topic", topic, "--last", "2"));

        assertThat(orderIdsPrinted(run)).containsExactly("order-4", "order-5");
    }

    @Test
    void followPrintsRecordsAsTheyArriveUntilStopped() throws Exception {
        String topic = topic();
        send(topic, "LAMP", new Allocated("order-1", "LAMP", 1, "batch-lamp", 1));
        CommandLine commandLine = CosmicStock.commandLine();
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        TailCommand tail = commandLine.getSubcommands().get("tail").getCommand();
        int[] exit = {-1};
        Thread running = new Thread(() -> exit[0] =
                commandLine.execute(CliRun.args(BOOTSTRAP, "tail", "--topic", topic, "--from-beginning", "--follow")));
        running.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("order-1"));
            send(topic, "LAMP", new Allocated("order-2", "LAMP", 1, "batch-lamp", 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("order-2"));
            assertThat(running.isAlive()).as("still following").isTrue();
        } finally {
            tail.stop();
            running.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(running.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
        assertThat(out.toString().lines().toList()).hasSize(2);
    }

    @Test
    void aTopicThatDoesNotExistIsExitStatusOne() {
        CliRun run = CliRun.of(
                CliRun.args(BOOTSTRAP, "tail", "--topic", TestKafka.uniqueTopic("cli.nowhere"), "--timeout", "3"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cosmic-stock tail: ");
    }

    /** The orderId of every payload {@code run} printed, in order, once it is seen to have exited 0. */
    private static List<String> orderIdsPrinted(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return parse(run).stream()
                .map(line -> line.get("payload").get("orderId").asText())
                .toList();
    }

    private static List<JsonNode> parse(CliRun run) {
        return run.lines().stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError("Not a JSON line: " + line, e);
                    }
                })
                .toList();
    }

    private static JsonNode only(List<JsonNode> lines, String type) {
        List<JsonNode> found = lines.stream()
                .filter(line -> type.equals(line.path("type").asText()))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void send(String topic, String key, SpecificRecord event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, CODEC.encode(event));
        CloudEventHeaders.write(
                record.headers(),
                MessageContext.newFlow("/allocation-service"),
                MessageCodec.typeName(event),
                Instant.now(),
                CODEC.contentType());
        produce(record);
    }

    private static void sendBytes(String topic, String key, byte[] value) throws Exception {
        produce(new ProducerRecord<>(topic, key, value));
    }

    private static void produce(ProducerRecord<String, byte[]> record) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static String topic() {
        String topic = TestKafka.uniqueTopic("cli.tail");
        TestKafka.createTopic(topic, 3);
        return topic;
    }
}
