package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.localstack.LocalStack;
import org.cosmicstock.localstack.ServiceProcess;
import org.cosmicstock.localstack.ServiceSpec;
import org.cosmicstock.localstack.StackConfig;
import org.cosmicstock.localstack.StackOptions;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.codec.SchemaVersions;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.Deallocated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The procedure of docs/adding-a-schema-version.md, performed on the services' jars in Avro single-object
 * encoding (the format in which a reader must have the writer's version itself): a schema version added in
 * release N ({@code Allocated} v2, {@code Deallocated} v2) rolled out while readers of release N-1 still run.
 *
 * <ol>
 *   <li>allocation-service of release N (this build, writing its defaults) beside orders-service and
 *       stock-view-service of release N-1 (this build told to know only the versions release N-1 knew,
 *       {@code COSMICSTOCK_MESSAGING_SCHEMAS_READ_*}): every order allocated, nothing dead-lettered, and the
 *       stock view right. That these readers really are N-1's is shown by the one v2 {@code Allocated} sent by
 *       hand, which they dead-letter: the failure of issue 19;
 *   <li>the readers upgraded to release N: the same;
 *   <li>the write version raised ({@code COSMICSTOCK_MESSAGING_SCHEMAS_WRITE_ALLOCATED=2}, {@code _DEALLOCATED=2})
 *       and allocation-service restarted: the same, and the events now v2.
 * </ol>
 *
 * Starts its own stack (PostgreSQL and Kafka by the launcher, the services by this test with settings of their
 * own), so it runs alone: {@code flock /work/wt/e2e.lock ./mvnw ... -Dit.test=RollingUpgradeE2ETest}.
 */
class RollingUpgradeE2ETest {

    private static final String COMMANDS = "allocation.commands";
    private static final String EVENTS = "allocation.events";
    private static final List<String> DEAD_LETTER_TOPICS = List.of(COMMANDS + ".DLT", EVENTS + ".DLT");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration START = Duration.ofSeconds(240);
    private static final ReleasedSchemas RELEASED = ReleasedSchemas.load();
    private static final String ALLOCATED = Allocated.getClassSchema().getFullName();
    /** What release N-1 read: every type in v1 (it knew no other version). */
    private static final Map<String, String> READS_AS_PREVIOUS_RELEASE = Map.of(
            "COSMICSTOCK_MESSAGING_SCHEMAS_READ_ALLOCATED", "1",
            "COSMICSTOCK_MESSAGING_SCHEMAS_READ_DEALLOCATED", "1");

    private static final Map<String, String> WRITES_V2 = Map.of(
            "COSMICSTOCK_MESSAGING_SCHEMAS_WRITE_ALLOCATED", "2",
            "COSMICSTOCK_MESSAGING_SCHEMAS_WRITE_DEALLOCATED", "2");

    private static LocalStack stack;
    private static StackConfig config;
    private static KafkaProducer<String, byte[]> producer;
    private static final List<ServiceProcess> started = new ArrayList<>();
    private static final MessageCodec codec = MessageCodec.create();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startInfrastructure() throws Exception {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        config = StackConfig.withFreePorts(repoRoot, Files.createTempDirectory("cosmic-upgrade-"), true)
                .with(StackOptions.defaults().withInfraOnly().withoutClassDataSharing());
        stack = new LocalStack(config, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stopEverything() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        started.forEach(ServiceProcess::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aVersionAddedInOneReleaseIsWrittenOnlyOnceEveryReaderKnowsIt() throws Exception {
        // 1. Release N's writer beside release N-1's readers.
        ServiceProcess allocation = start(ServiceSpec.ALLOCATION, Map.of());
        ServiceProcess orders = start(ServiceSpec.ORDERS, READS_AS_PREVIOUS_RELEASE);
        ServiceProcess stockView = start(ServiceSpec.STOCK_VIEW, READS_AS_PREVIOUS_RELEASE);

        String first = sku("N-BESIDE-N-1");
        allocateThroughAQuantityChange(first, orders, stockView);
        assertThat(allocatedVersions(first)).containsOnly(1);
        assertThat(deadLetters()).isEmpty();

        // The readers are N-1's: a v2 Allocated, as allocation-service wrote before this fix, is dead-lettered.
        String control = sku("V2-TO-N-1");
        byte[] v2 = MessageCodec.create(new SchemaVersions(Map.of(ALLOCATED, 2), Map.of()))
                .encode(new Allocated("order-" + control, control, 1, "batch-" + control, 1));
        send(EVENTS, control, v2);
        List<ConsumerRecord<String, byte[]>> refused = await("the v2 Allocated dead-lettered by both N-1 readers")
                .atMost(PATIENCE)
                .until(RollingUpgradeE2ETest::deadLetters, records -> records.size() >= 2);
        assertThat(refused).hasSize(2).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(control);
            assertThat(header(record, "dlt_reason"))
                    .startsWith("org.cosmicstock.schemas.codec.UnknownSchemaException: Unknown schema fingerprint");
        });
        assertThat(refused.stream().map(record -> header(record, "kafka_dlt-original-consumer-group")))
                .as("orders-service and stock-view-service each")
                .doesNotHaveDuplicates();
        int refusedBefore = refused.size();

        // 2. Every reader upgraded to release N; the writer still writes what N-1 read.
        orders = restart(orders, ServiceSpec.ORDERS, Map.of());
        stockView = restart(stockView, ServiceSpec.STOCK_VIEW, Map.of());

        String second = sku("N-BESIDE-N");
        allocateThroughAQuantityChange(second, orders, stockView);
        assertThat(allocatedVersions(second)).containsOnly(1);

        // 3. The write version raised, now that every reader knows v2.
        restart(allocation, ServiceSpec.ALLOCATION, WRITES_V2);

        String third = sku("N-WRITING-V2");
        allocateThroughAQuantityChange(third, orders, stockView);
        assertThat(allocatedVersions(third)).containsOnly(2);
        assertThat(deadLetters())
                .as("nothing dead-lettered but the v2 sent by hand to the N-1 readers")
                .hasSize(refusedBefore)
                .allSatisfy(record -> assertThat(record.key()).isEqualTo(control));
    }

    /**
     * Two batches, four orders of 2 allocated to the warehouse batch, then its quantity cut to 4: two lines
     * are deallocated and allocated again to the later batch. Every order ends allocated, and the stock view
     * shows what the allocation did: nothing available now (a {@code Deallocated} given back to the wrong batch,
     * or an event counted twice, would show), 96 of the later batch.
     */
    private void allocateThroughAQuantityChange(String sku, ServiceProcess orders, ServiceProcess stockView)
            throws Exception {
        String warehouse = "batch-" + sku + "-now";
        String later = "batch-" + sku + "-later";
        send(COMMANDS, sku, codec.encode(new CreateBatch(warehouse, sku, 10, null)));
        send(
                COMMANDS,
                sku,
                codec.encode(new CreateBatch(later, sku, 100, LocalDate.now().plusDays(30))));
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(get(stockView.port(), "/stock/" + sku)).contains("\"batchRef\":\"" + later + "\""));
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String orderId = "order-" + UUID.randomUUID();
            orderIds.add(orderId);
            String body = "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":2}]}";
            assertThat(post(orders.port(), "/orders", body)).isEqualTo(202);
        }
        awaitEveryOrderAllocated(orders, orderIds, sku, warehouse, 4);

        send(COMMANDS, sku, codec.encode(new ChangeBatchQuantity(warehouse, 4, sku)));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(sku, Deallocated.class) == 2 && count(sku, Allocated.class) == 6);
        awaitEveryOrderAllocated(orders, orderIds, sku, warehouse, 2);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(get(stockView.port(), "/stock/" + sku))
                        .contains("\"availableNow\":0")
                        .containsPattern("\"batchRef\":\"" + warehouse + "\"[^}]*\"available\":0}")
                        .containsPattern("\"batchRef\":\"" + later + "\"[^}]*\"available\":96}"));
    }

    private void awaitEveryOrderAllocated(
            ServiceProcess orders, List<String> orderIds, String sku, String warehouse, int toWarehouse) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            int atWarehouse = 0;
            for (String orderId : orderIds) {
                String order = get(orders.port(), "/orders/" + orderId);
                assertThat(order).contains("\"status\":\"ALLOCATED\"").doesNotContain("PENDING");
                if (order.contains("\"batchRef\":\"" + warehouse + "\"")) {
                    atWarehouse++;
                }
            }
            assertThat(atWarehouse).as("lines at %s", warehouse).isEqualTo(toWarehouse);
        });
    }

    private static ServiceProcess start(String service, Map<String, String> settings) throws Exception {
        ServiceProcess process = ServiceProcess.of(config.instance(service, 1).withSettings(settings), config);
        started.add(process);
        process.start();
        process.awaitReady(START);
        return process;
    }

    private static ServiceProcess restart(ServiceProcess running, String service, Map<String, String> settings)
            throws Exception {
        running.close();
        return start(service, settings);
    }

    private static String sku(String what) {
        return "UPGRADE-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void send(String topic, String key, byte[] payload) throws Exception {
        var record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/e2e-test".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(1, TimeUnit.MINUTES);
    }

    /** The versions of the {@code Allocated} events of {@code sku} on the topic, by their fingerprints. */
    private static List<Integer> allocatedVersions(String sku) {
        List<Integer> versions = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readToEnd(EVENTS, sku)) {
            if (ALLOCATED.equals(header(record, "ce_type"))) {
                long fingerprint = ByteBuffer.wrap(record.value(), 2, 8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getLong();
                List<Schema> released = RELEASED.versionsOf(ALLOCATED);
                int version = 0;
                for (int v = 1; v <= released.size(); v++) {
                    if (SchemaNormalization.parsingFingerprint64(released.get(v - 1)) == fingerprint) {
                        version = v;
                    }
                }
                versions.add(version);
            }
        }
        assertThat(versions).as("Allocated events of %s", sku).isNotEmpty();
        return versions;
    }

    private static long count(String sku, Class<? extends SpecificRecord> type) {
        return readToEnd(EVENTS, sku).stream()
                .filter(record -> type.isInstance(codec.decode(record.value())))
                .count();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        DEAD_LETTER_TOPICS.forEach(topic -> all.addAll(readToEnd(topic, null)));
        return all;
    }

    /** Every record (keyed {@code key}, or all if null) from the beginning of {@code topic} to its end. */
    private static List<ConsumerRecord<String, byte[]>> readToEnd(String topic, String key) {
        return Events.readToEnd(config.bootstrapServers(), topic, k -> key == null || key.equals(k));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int post(int port, String path, String json) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
