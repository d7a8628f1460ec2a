package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.QualifiedRecordIdStrategy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.cosmicstock.schemas.codec.WireFormat;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ContractFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contract test with a registry serde the suite did not write: Apicurio Registry's Avro serde for Kafka
 * (Maven Central, {@code io.apicurio:apicurio-registry-avro-serde-kafka}) in the Confluent-compatible mode
 * (the id in the payload, 4 bytes, content ids: what the Confluent API of Apicurio serves), set up as
 * docs/wire-formats.md tells a Java team: look the schemas up under their record name, never register.
 * Records are {@link GenericRecord}s built on the schemas the registry holds, so nothing of the suite's own
 * codec is on the producing or the consuming side; the suite's codec only reads back what the serde sent,
 * to show what the services received.
 */
class ApicurioSerdeE2ETest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate ETA = LocalDate.of(2026, 3, 14);

    private static RunningSuite suite;
    private static AvroKafkaDeserializer<GenericRecord> deserializer;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = RunningSuite.get();
        deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(serdeConfig(), false);
    }

    @AfterAll
    static void closeDeserializer() {
        deserializer.close();
    }

    /** The serde's settings for the suite: Confluent's wire format, schemas looked up by record name. */
    static Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", suite.stack.registry().url() + "/apis/registry/v3");
        config.put("apicurio.registry.headers.enabled", false); // the id in the payload, none in headers
        config.put("apicurio.registry.id-handler", Default4ByteIdHandler.class.getName()); // 00 + 4-byte id
        config.put("apicurio.registry.use-id", "contentId"); // the ids of the Confluent API
        config.put("apicurio.registry.artifact-resolver-strategy", QualifiedRecordIdStrategy.class.getName());
        config.put("apicurio.registry.auto-register", false);
        config.put("apicurio.registry.find-latest", true);
        return config;
    }

    @Test
    void aProducerWithTheSerdeIsAllocatedAndAConsumerWithItReadsTheEvents() throws Exception {
        String sku = SuiteE2ETest.sku("APICURIO");
        String unknownOrder = "order-" + UUID.randomUUID();
        String order = "order-" + UUID.randomUUID();
        Schema allocate = latest("org.cosmicstock.schemas.commands.Allocate").schema();
        Schema createBatch =
                latest("org.cosmicstock.schemas.commands.CreateBatch").schema();
        int etaDays = (int) ETA.toEpochDay();

        Map<String, Object> producerConfig = new HashMap<>(serdeConfig());
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.config.bootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
        List<String> sentIds = new ArrayList<>();
        // The events before these commands are not this test's (nor all necessarily in the registry format).
        Map<TopicPartition, Long> eventsBefore = endOffsets(RunningSuite.EVENTS);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig)) {
            // Before the batch exists: the suite rejects the order for an unknown SKU.
            sentIds.add(send(
                    producer,
                    sku,
                    new GenericRecordBuilder(allocate)
                            .set("orderId", unknownOrder)
                            .set("sku", sku)
                            .set("qty", 1)
                            .build()));
            sentIds.add(send(
                    producer,
                    sku,
                    new GenericRecordBuilder(createBatch)
                            .set("ref", "batch-" + sku)
                            .set("sku", sku)
                            .set("qty", 10)
                            .set("eta", etaDays) // a date: days since 1970-01-01, the union's second branch
                            .build()));
            sentIds.add(send(
                    producer,
                    sku,
                    new GenericRecordBuilder(allocate)
                            .set("orderId", order)
                            .set("sku", sku)
                            .set("qty", 3)
                            .build()));
        }

        // What went over the wire: Confluent's format, with the ids the Confluent API gives the subjects.
        List<ConsumerRecord<String, byte[]>> sent = Events.read(suite, RunningSuite.COMMANDS, sku, 3, PATIENCE);
        assertThat(sent).hasSize(3);
        assertThat(sent).allSatisfy(record -> {
            assertThat(record.value()[0]).as("magic byte").isZero();
            assertThat(Arrays.stream(record.headers().toArray()).map(h -> h.key()))
                    .as("the serde adds no headers in this mode")
                    .containsExactly("ce_id");
        });
        assertThat(sent.stream().map(record -> Events.header(record, "ce_id"))).containsExactlyElementsOf(sentIds);
        int allocateId = latest("org.cosmicstock.schemas.commands.Allocate").id();
        int createBatchId =
                latest("org.cosmicstock.schemas.commands.CreateBatch").id();
        assertThat(sent.stream().map(record -> schemaId(record.value())))
                .containsExactly(allocateId, createBatchId, allocateId);
        assertThat(sent.stream().map(record -> suite.codec.decode(record.value())))
                .as("what the services received, read by the suite's codec")
                .containsExactly(
                        new Allocate(unknownOrder, sku, 1),
                        new CreateBatch("batch-" + sku, sku, 10, ETA),
                        new Allocate(order, sku, 3));

        // The suite's answers, read by a consumer with the same serde.
        List<ConsumerRecord<String, Object>> events = readEvents(sku, 3, eventsBefore);
        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(event -> assertThat(event.value()).isInstanceOf(GenericRecord.class));
        GenericRecord rejected = (GenericRecord) events.get(0).value();
        assertThat(rejected.getSchema().getFullName()).isEqualTo("org.cosmicstock.schemas.events.AllocationRejected");
        assertThat(text(rejected, "orderId")).isEqualTo(unknownOrder);
        assertThat(text(rejected, "sku")).isEqualTo(sku);
        assertThat(rejected.get("qty")).isEqualTo(1);
        assertThat(text(rejected, "reason")).isEqualTo("Invalid sku " + sku);

        GenericRecord created = (GenericRecord) events.get(1).value();
        assertThat(created.getSchema().getFullName()).isEqualTo("org.cosmicstock.schemas.events.BatchCreated");
        assertThat(text(created, "ref")).isEqualTo("batch-" + sku);
        assertThat(text(created, "sku")).isEqualTo(sku);
        assertThat(created.get("qty")).isEqualTo(10);
        assertThat(created.get("eta")).isEqualTo(etaDays);

        GenericRecord allocated = (GenericRecord) events.get(2).value();
        assertThat(allocated.getSchema().getFullName()).isEqualTo("org.cosmicstock.schemas.events.Allocated");
        assertThat(text(allocated, "orderId")).isEqualTo(order);
        assertThat(text(allocated, "sku")).isEqualTo(sku);
        assertThat(allocated.get("qty")).isEqualTo(3);
        assertThat(text(allocated, "batchRef")).isEqualTo("batch-" + sku);
        assertThat(allocated.get("batchAllocated")).isEqualTo(3);
        assertThat(allocated.getSchema().getFields().stream().map(Schema.Field::name))
                .as("the fields of the latest released Allocated, nothing unread")
                .containsExactly("orderId", "sku", "qty", "batchRef", "batchAllocated");
    }

    static List<ContractFixture> registryFormatFixtures() {
        return ContractFixtures.all().stream()
                .filter(fixture -> fixture.format() == WireFormat.SCHEMA_REGISTRY)
                .toList();
    }

    static List<ContractFixture> singleObjectFixtures() {
        return ContractFixtures.all().stream()
                .filter(fixture -> fixture.format() == WireFormat.SINGLE_OBJECT)
                .toList();
    }

    /**
     * The fixtures carry the ids of the registry they were written against (1 to 11); this registry gave the
     * same released schemas ids of its own. So the 4 id bytes are replaced by the id this registry has for the
     * fixture's writer schema, and the Avro body behind them is read as it is.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registryFormatFixtures")
    void theSerdeReadsEveryRegistryFormatFixture(ContractFixture fixture) throws Exception {
        byte[] payload = fixture.payload();
        assertThat(payload[0]).as("magic byte").isZero();
        assertThat(schemaId(payload)).as("the id the fixture was written with").isEqualTo(fixture.schemaId());

        byte[] here = withId(idHere(fixture), Arrays.copyOfRange(payload, 5, payload.length));
        GenericRecord read = (GenericRecord) deserializer.deserialize(topicOf(fixture), headers(fixture), here);

        assertThat(read.getSchema().getFullName()).isEqualTo(fixture.type());
        assertThat(SchemaNormalization.parsingFingerprint64(read.getSchema()))
                .as("read with the fixture's writer schema")
                .isEqualTo(SchemaNormalization.parsingFingerprint64(fixture.writer()));
        assertThat(read).isEqualTo(expected(fixture));
    }

    /**
     * A Confluent-mode serde cannot read single-object encoding, and refuses it rather than misreading it: a
     * consumer hands it the record's headers, where it looks for Apicurio's own id headers (none here) once
     * the first byte is not {@code 00}, and fails for want of a schema reference; given the bytes alone, it
     * refuses any first byte but {@code 00}. The Avro body behind the 10-byte header is the same as in the
     * registry format, which the serde reads once it is behind {@code 00} and this registry's id of the
     * writer schema (found by the fingerprint in the header).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("singleObjectFixtures")
    void theSerdeRefusesSingleObjectFixturesAndReadsTheirBodyBehindARegistryHeader(ContractFixture fixture)
            throws Exception {
        byte[] payload = fixture.payload();
        assertThat(Arrays.copyOfRange(payload, 0, 2)).containsExactly(0xC3, 0x01);

        assertThatThrownBy(() -> deserializer.deserialize(topicOf(fixture), headers(fixture), payload))
                .as("as a consumer calls it, with the record's headers")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("artifact reference cannot be null");
        assertThatThrownBy(() -> deserializer.deserialize(topicOf(fixture), payload))
                .as("the bytes alone")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Unknown magic byte!");

        long fingerprint = ByteBuffer.wrap(payload, 2, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(fixture.writer()));
        byte[] rewrapped = withId(idHere(fixture), Arrays.copyOfRange(payload, 10, payload.length));
        GenericRecord read = (GenericRecord) deserializer.deserialize(topicOf(fixture), headers(fixture), rewrapped);
        assertThat(read).isEqualTo(expected(fixture));
    }

    // --- helpers ---

    private static String send(KafkaProducer<String, Object> producer, String sku, GenericRecord command)
            throws Exception {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, Object> record = new ProducerRecord<>(RunningSuite.COMMANDS, sku, command);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(3, TimeUnit.MINUTES);
        return id;
    }

    /** Every event keyed {@code sku} from {@code from} to the end of the events topic, read with the serde. */
    private static List<ConsumerRecord<String, Object>> readEvents(
            String sku, int count, Map<TopicPartition, Long> from) {
        return Awaitility.await(count + " events keyed " + sku + " read with Apicurio's deserializer")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> readEventsToEnd(sku, from), events -> events.size() >= count);
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.config.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList());
        }
    }

    private static List<ConsumerRecord<String, Object>> readEventsToEnd(String sku, Map<TopicPartition, Long> from) {
        Map<String, Object> config = new HashMap<>(serdeConfig());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.config.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class);
        List<ConsumerRecord<String, Object>> events = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(RunningSuite.EVENTS, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(RunningSuite.EVENTS, p.partition()))
                            .toList();
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sku.equals(record.key())) {
                        events.add(record);
                    }
                }
            }
        }
        return events;
    }

    private record Registered(int id, Schema schema) {}

    /** The latest version of a subject, through the Confluent API, as a Java team would look it up. */
    private static Registered latest(String subject) throws Exception {
        JsonNode version = getJson("/subjects/" + encode(subject) + "/versions/latest");
        return new Registered(
                version.get("id").asInt(),
                new Schema.Parser().parse(version.get("schema").asText()));
    }

    /** This registry's id of the fixture's writer schema: the version of its subject with the same fingerprint. */
    private static int idHere(ContractFixture fixture) throws Exception {
        long wanted = SchemaNormalization.parsingFingerprint64(fixture.writer());
        String subject = "/subjects/" + encode(fixture.type()) + "/versions";
        for (JsonNode number : getJson(subject)) {
            JsonNode version = getJson(subject + "/" + number.asInt());
            Schema schema = new Schema.Parser().parse(version.get("schema").asText());
            if (SchemaNormalization.parsingFingerprint64(schema) == wanted) {
                return version.get("id").asInt();
            }
        }
        throw new AssertionError("The suite's registry has no version of " + fixture.type()
                + " with the writer schema of " + fixture + ": the launcher registers every released version");
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(suite.stack.registry().confluentApiUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private static GenericRecord expected(ContractFixture fixture) throws Exception {
        Schema writer = fixture.writer();
        return new GenericDatumReader<GenericRecord>(writer, writer, GenericData.get())
                .read(null, DecoderFactory.get().jsonDecoder(writer, fixture.json()));
    }

    private static String topicOf(ContractFixture fixture) {
        return fixture.type().contains(".commands.") ? RunningSuite.COMMANDS : RunningSuite.EVENTS;
    }

    private static RecordHeaders headers(ContractFixture fixture) {
        RecordHeaders headers = new RecordHeaders();
        fixture.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static int schemaId(byte[] payload) {
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    private static byte[] withId(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length)
                .put((byte) 0)
                .putInt(id)
                .put(body)
                .array();
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }
}
