package org.cosmicstock.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.bus.Result;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.OutOfStock;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The common path of a consumed batch, with the dead letters written to a real broker. */
class IncomingMessagesIT {

    private final MessageCodec codec = MessageCodec.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessagingMetrics metrics = new MessagingMetrics(registry);
    private final List<Envelope> applied = new ArrayList<>();
    private DeadLetterProducer deadLetters;
    private IncomingMessages incoming;
    private String topic;

    @BeforeEach
    void setUp() throws Exception {
        topic = TestKafka.uniqueTopic("incoming");
        TestKafka.createTopic(topic, 1);
        TestKafka.createTopic(topic + DeadLetters.SUFFIX, 1);
        deadLetters = new DeadLetterProducer(
                new KafkaProducer<>(
                        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer()),
                metrics);
        incoming = new IncomingMessages(codec, metrics, deadLetters);
        metrics.knowConsumed(topic, List.of("Allocate", "OutOfStock"));
    }

    @Test
    void whatCanNeverSucceedIsDeadLetteredWithItsReasonAndTheRestIsApplied() throws Exception {
        var good = record(0, codec.encode(new Allocate("order-1", "SKU", 1)));
        var garbage = record(1, "not avro".getBytes(StandardCharsets.UTF_8));
        var breaksContract = record(2, codec.encode(new Allocate("order-2", "SKU", -5)));
        var refusedByHandler = record(3, codec.encode(new Allocate("order-3", "REFUSED", 1)));
        var notForUs = record(4, codec.encode(new OutOfStock("order-4", "SKU", 1)));
        var alsoGood = record(5, codec.encode(new Allocate("order-5", "SKU", 2)));

        incoming.handler("test-group", IncomingMessagesIT::map, this::apply)
                .handle(List.of(good, garbage, breaksContract, refusedByHandler, notForUs, alsoGood), Duration.ZERO);

        assertThat(applied)
                .extracting(e -> ((Allocate) e.message()).getOrderId())
                .containsExactly("order-1", "order-3", "order-5");
        List<ConsumerRecord<String, byte[]>> letters = TestKafka.readToEnd(topic + ".DLT");
        assertThat(letters)
                .extracting(r -> reason(r))
                .satisfiesExactlyInAnyOrder(
                        reason -> assertThat(reason).contains("MalformedMessageException"),
                        reason -> assertThat(reason).contains("qty must be at least 1"),
                        reason -> assertThat(reason).contains("no such sku REFUSED"));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(CloudEventHeaders.text(letter.headers(), "kafka_dlt-original-topic"))
                    .isEqualTo(topic);
            assertThat(CloudEventHeaders.text(letter.headers(), "kafka_dlt-original-consumer-group"))
                    .isEqualTo("test-group");
        });
        assertThat(count("Allocate", Outcome.PROCESSED)).isEqualTo(2.0);
        assertThat(count("Allocate", Outcome.INVALID)).isEqualTo(2.0);
        assertThat(count(MessagingMetrics.UNKNOWN_TYPE, Outcome.INVALID)).isEqualTo(1.0);
        assertThat(count("OutOfStock", Outcome.SKIPPED)).isEqualTo(1.0);
    }

    /** A service's own message for a wire type, named otherwise (as orders' RecordAllocation is for Allocated). */
    private record Booking(String orderId) {}

    @Test
    void theHandlingOfAMessageIsTimedUnderItsWireTypeNotItsClassName() throws Exception {
        var booking = record(0, codec.encode(new Allocate("order-1", "SKU", 1)));
        List<String> types = new ArrayList<>();

        incoming.handler(
                        "test-group",
                        payload -> Optional.of(new Booking(((Allocate) payload).getOrderId())),
                        envelopes -> envelopes.stream()
                                .map(envelope -> {
                                    types.add(envelope.type());
                                    return new Result(incoming.handling(envelope, context -> Outcome.PROCESSED), null);
                                })
                                .toList())
                .handle(List.of(booking), Duration.ZERO);

        assertThat(types).containsExactly("Allocate");
        assertThat(registry.get("message.handling")
                        .tag("type", "Allocate")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("message.handling").tag("type", "Booking").timer())
                .isNull();
        assertThat(count("Allocate", Outcome.PROCESSED)).isEqualTo(1.0);
    }

    @Test
    void aTransientFailureReachesTheConsumerAndDeadLettersNothing() {
        var garbage = record(0, "not avro".getBytes(StandardCharsets.UTF_8));
        var good = record(1, codec.encode(new Allocate("order-1", "SKU", 1)));

        assertThatThrownBy(() -> incoming.handler("test-group", IncomingMessagesIT::map, envelopes -> {
                            throw new IllegalStateException("database away");
                        })
                        .handle(List.of(garbage, good), Duration.ZERO))
                .hasMessage("database away");

        assertThat(TestKafka.readToEnd(topic + ".DLT")).isEmpty();
        assertThat(count("Allocate", Outcome.PROCESSED)).isZero();
        assertThat(count(MessagingMetrics.UNKNOWN_TYPE, Outcome.INVALID)).isZero();
    }

    @Test
    void aRecordThatMayPassLaterIsRetriedFromItsOffsetNotDeadLettered() throws Exception {
        var good = record(0, codec.encode(new Allocate("order-1", "SKU", 1)));
        var later = record(1, codec.encode(new Allocate("order-2", "LATER", 1)));
        var garbage = record(2, "not avro".getBytes(StandardCharsets.UTF_8));
        var alsoGood = record(3, codec.encode(new Allocate("order-3", "SKU", 1)));

        assertThatThrownBy(() -> incoming.handler("test-group", IncomingMessagesIT::map, this::apply)
                        .handle(List.of(good, later, garbage, alsoGood), Duration.ofSeconds(29)))
                .isInstanceOfSatisfying(RetryFrom.class, retry -> {
                    assertThat(retry.offsets()).isEqualTo(Map.of(new TopicPartition(topic, 0), 1L));
                    assertThat(retry).hasMessageContaining("batch LATER not created yet");
                });

        assertThat(TestKafka.readToEnd(topic + ".DLT"))
                .as("what comes again after the waiting record is dead-lettered then, not twice")
                .isEmpty();
        assertThat(count("Allocate", Outcome.PROCESSED))
                .as("only what lies before the waiting record is counted now")
                .isEqualTo(1.0);
        assertThat(count("Allocate", Outcome.INVALID)).isZero();
    }

    @Test
    void aRecordThatMayPassLaterHoldsBackOnlyItsOwnPartitionOfTheBatch() throws Exception {
        var later = record(0, 1, codec.encode(new Allocate("order-1", "LATER", 1)));
        var behindIt = record(0, 2, codec.encode(new Allocate("order-2", "SKU", 1)));
        var otherPartition = record(1, 7, codec.encode(new Allocate("order-3", "SKU", 1)));
        var waitedInThird = record(2, 4, codec.encode(new Allocate("order-4", "LATER", 1)));

        // Partition 2's first record has waited long enough; partition 0's has just started.
        RecordBatchHandler.FailingFor failingFor =
                (partition, offset) -> partition.partition() == 2 ? Duration.ofSeconds(30) : Duration.ZERO;
        assertThatThrownBy(() -> incoming.handler("test-group", IncomingMessagesIT::map, this::apply)
                        .handle(List.of(later, behindIt, otherPartition, waitedInThird), failingFor))
                .isInstanceOfSatisfying(
                        RetryFrom.class,
                        retry -> assertThat(retry.offsets()).isEqualTo(Map.of(new TopicPartition(topic, 0), 1L)));

        assertThat(TestKafka.readToEnd(topic + ".DLT"))
                .as("partition 2's record waited long enough; partition 0's comes again")
                .extracting(ConsumerRecord::value)
                .containsExactly(waitedInThird.value());
        assertThat(count("Allocate", Outcome.PROCESSED))
                .as("partition 1's record is done; partition 0's from the waiting one on come again")
                .isEqualTo(1.0);
        assertThat(count("Allocate", Outcome.INVALID)).isEqualTo(1.0);
    }

    @Test
    void aRecordThatMayPassLaterIsDeadLetteredOnceItHasWaitedLongEnough() throws Exception {
        var good = record(0, codec.encode(new Allocate("order-1", "SKU", 1)));
        var later = record(1, codec.encode(new Allocate("order-2", "LATER", 1)));

        incoming.handler("test-group", IncomingMessagesIT::map, this::apply)
                .handle(List.of(later, good), Duration.ofSeconds(30));

        assertThat(TestKafka.readToEnd(topic + ".DLT"))
                .extracting(IncomingMessagesIT::reason)
                .singleElement()
                .satisfies(reason -> assertThat(reason).contains("batch LATER not created yet"));
        assertThat(count("Allocate", Outcome.PROCESSED)).isEqualTo(1.0);
        assertThat(count("Allocate", Outcome.INVALID)).isEqualTo(1.0);
    }

    @Test
    void onlyTheRecordThatHasWaitedIsDeadLetteredAnotherBehindItGetsItsOwnWait() throws Exception {
        var waited = record(0, codec.encode(new Allocate("order-1", "LATER", 1)));
        var fresh = record(1, codec.encode(new Allocate("order-2", "LATER", 1)));

        assertThatThrownBy(() -> incoming.handler("test-group", IncomingMessagesIT::map, this::apply)
                        .handle(List.of(waited, fresh), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        RetryFrom.class,
                        retry -> assertThat(retry.offsets())
                                .containsOnlyKeys(new TopicPartition(topic, 0))
                                .containsValue(1L));

        assertThat(TestKafka.readToEnd(topic + ".DLT"))
                .extracting(r -> CloudEventHeaders.text(r.headers(), "kafka_dlt-original-offset") == null
                        ? -1L
                        : java.nio.ByteBuffer.wrap(r.headers()
                                        .lastHeader("kafka_dlt-original-offset")
                                        .value())
                                .getLong())
                .containsExactly(0L);
    }

    @Test
    void aSchemaIdTheRegistryDoesNotKnowYetIsRetriedAndReadOnceRegistered() throws Exception {
        AtomicBoolean registered = new AtomicBoolean();
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/schemas/ids/77", exchange -> {
            byte[] body = registered.get()
                    ? ("{\"schema\":" + quoted(Allocate.getClassSchema().toString()) + "}")
                            .getBytes(StandardCharsets.UTF_8)
                    : "{\"error_code\":40403,\"message\":\"Schema not found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(registered.get() ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            MessageCodec reader = MessageCodec.withRegistry(
                    RegistryClient.connect(
                            "http://127.0.0.1:" + registry.getAddress().getPort()),
                    SubjectNameStrategy.parse("record"));
            IncomingMessages patient = new IncomingMessages(reader, metrics, deadLetters);
            var good = record(0, codec.encode(new Allocate("order-1", "SKU", 1)));
            var unregistered = record(1, registryFormat(77, new Allocate("order-2", "SKU", 2)));
            var alsoGood = record(2, codec.encode(new Allocate("order-3", "SKU", 3)));

            assertThatThrownBy(() -> patient.handler("test-group", IncomingMessagesIT::map, this::apply)
                            .handle(List.of(good, unregistered, alsoGood), Duration.ZERO))
                    .isInstanceOfSatisfying(
                            RetryFrom.class,
                            retry -> assertThat(retry.offsets())
                                    .containsOnlyKeys(new TopicPartition(topic, 0))
                                    .containsValue(1L));
            assertThat(applied)
                    .as("nothing from the unknown id on is handled yet")
                    .extracting(e -> ((Allocate) e.message()).getOrderId())
                    .containsExactly("order-1");

            registered.set(true);
            patient.handler("test-group", IncomingMessagesIT::map, this::apply)
                    .handle(List.of(unregistered, alsoGood), Duration.ofSeconds(3));

            assertThat(applied)
                    .extracting(e -> ((Allocate) e.message()).getOrderId())
                    .containsExactly("order-1", "order-2", "order-3");
            assertThat(TestKafka.readToEnd(topic + ".DLT")).isEmpty();
        } finally {
            registry.stop(0);
        }
    }

    /** The schema-registry wire format: magic byte 0, the schema id, the Avro body. */
    private byte[] registryFormat(int schemaId, Allocate message) {
        byte[] singleObject = codec.encode(message);
        byte[] body = java.util.Arrays.copyOfRange(singleObject, 10, singleObject.length);
        return ByteBuffer.allocate(5 + body.length)
                .put((byte) 0)
                .putInt(schemaId)
                .put(body)
                .array();
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Optional<Object> map(org.apache.avro.specific.SpecificRecord payload) {
        if (payload instanceof Allocate a) {
            if (a.getQty() < 1) {
                throw new MessageRejected("Invalid message: qty must be at least 1, was " + a.getQty());
            }
            return Optional.of(a);
        }
        return Optional.empty();
    }

    private List<Result> apply(List<Envelope> envelopes) {
        List<Result> results = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            Allocate allocate = (Allocate) envelope.message();
            if (allocate.getSku().equals("REFUSED")) {
                results.add(new Result(Outcome.INVALID, new MessageRejected("no such sku REFUSED")));
            } else if (allocate.getSku().equals("LATER")) {
                results.add(new Result(Outcome.INVALID, new MessageRejected("batch LATER not created yet") {
                    @Override
                    public boolean mayPassLater() {
                        return true;
                    }
                }));
            } else {
                results.add(new Result(Outcome.PROCESSED, null));
            }
            applied.add(envelope);
        }
        return results;
    }

    private ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return record(0, offset, value);
    }

    private ConsumerRecord<String, byte[]> record(int partition, long offset, byte[] value) {
        return new ConsumerRecord<>(topic, partition, offset, "SKU", value);
    }

    private static String reason(ConsumerRecord<String, byte[]> letter) {
        return CloudEventHeaders.text(letter.headers(), DeadLetters.REASON_HEADER);
    }

    private double count(String type, Outcome outcome) {
        return registry.get("messages.consumed")
                .tags("topic", topic, "type", type, "outcome", outcome.label())
                .counter()
                .count();
    }
}
