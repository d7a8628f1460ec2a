package org.cosmicstock.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.Ports;
import org.cosmicstock.messaging.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dead letters against a real broker: too large as is, refused for good, and a broker that is away. */
class DeadLetterProducerIT {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessagingMetrics metrics = new MessagingMetrics(registry);
    private final String topic = TestKafka.uniqueTopic("dead-letters");
    private DeadLetterProducer deadLetters = producer(TestKafka.bootstrapServers());

    @AfterEach
    void close() {
        deadLetters.close();
    }

    @Test
    void aCopyTooLargeForTheProducerIsWrittenTruncatedWithTheOriginalSizeHashAndPlace() throws Exception {
        createTopics(null);
        byte[] value = bytes(1_048_200);
        var record = record(7, 42, value);

        deadLetters.send(record, new MessageRejected("Malformed message: not Avro"), "test-group");

        ConsumerRecord<String, byte[]> letter =
                TestKafka.readToEnd(topic + DeadLetters.SUFFIX).get(0);
        assertThat(letter.key()).isEqualTo("SKU-7");
        assertThat(letter.value()).isEqualTo(Arrays.copyOf(value, DeadLetterProducer.TRUNCATED_VALUE_BYTES));
        assertThat(text(letter, DeadLetterProducer.TRUNCATED_HEADER)).isEqualTo("true");
        assertThat(text(letter, DeadLetterProducer.ORIGINAL_SIZE_HEADER)).isEqualTo("1048200");
        assertThat(text(letter, DeadLetterProducer.ORIGINAL_SHA256_HEADER)).isEqualTo(sha256(value));
        assertThat(text(letter, DeadLetterProducer.REFUSED_AS_IS_HEADER)).contains("RecordTooLargeException");
        assertThat(text(letter, DeadLetters.REASON_HEADER))
                .isEqualTo("org.cosmicstock.messaging.bus.MessageRejected: Malformed message: not Avro");
        assertThat(text(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
        assertThat(ByteBuffer.wrap(letter.headers()
                                .lastHeader("kafka_dlt-original-partition")
                                .value())
                        .getInt())
                .isEqualTo(0);
        assertThat(ByteBuffer.wrap(letter.headers()
                                .lastHeader("kafka_dlt-original-offset")
                                .value())
                        .getLong())
                .isEqualTo(42);
        assertThat(text(letter, "kafka_dlt-original-consumer-group")).isEqualTo("test-group");
        assertThat(text(letter, CloudEventHeaders.ID))
                .as("small original headers are kept")
                .isEqualTo("id-7");
        assertThat(failures()).isZero();
    }

    @Test
    void aCopyTheBrokerRefusesAsIsIsWrittenTruncatedAndOneThatFitsIsWrittenWhole() throws Exception {
        createTopics("32768");
        byte[] large = bytes(100_000);
        byte[] small = bytes(1_000);

        deadLetters.send(
                List.of(
                        new DeadLetterProducer.Letter(record(1, 10, large), new MessageRejected("too big")),
                        new DeadLetterProducer.Letter(record(2, 11, small), new MessageRejected("bad"))),
                "test-group");

        List<ConsumerRecord<String, byte[]>> letters = TestKafka.readToEnd(topic + DeadLetters.SUFFIX);
        assertThat(letters).hasSize(2);
        ConsumerRecord<String, byte[]> truncated = letters.stream()
                .filter(l -> "id-1".equals(text(l, CloudEventHeaders.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(text(truncated, DeadLetterProducer.REFUSED_AS_IS_HEADER))
                .as("refused by the broker (max.message.bytes), not by the producer")
                .contains("RecordTooLargeException");
        assertThat(text(truncated, DeadLetterProducer.ORIGINAL_SIZE_HEADER)).isEqualTo("100000");
        assertThat(truncated.value()).hasSize(DeadLetterProducer.TRUNCATED_VALUE_BYTES);
        ConsumerRecord<String, byte[]> whole = letters.stream()
                .filter(l -> "id-2".equals(text(l, CloudEventHeaders.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(whole.value()).isEqualTo(small);
        assertThat(whole.headers().lastHeader(DeadLetterProducer.TRUNCATED_HEADER))
                .isNull();
        assertThat(failures()).isZero();
    }

    @Test
    void aDeadLetterTopicThatRefusesEveryWriteSkipsTheRecordAndCountsIt() throws Exception {
        createTopics("64");
        double before = failures();

        deadLetters.send(record(3, 5, bytes(500)), new MessageRejected("bad"), "test-group");

        assertThat(failures()).isEqualTo(before + 1);
        assertThat(TestKafka.readToEnd(topic + DeadLetters.SUFFIX)).isEmpty();
    }

    @Test
    void aBrokerThatIsAwayIsTransientNothingIsSkipped() {
        deadLetters.close();
        deadLetters = producer("127.0.0.1:" + Ports.free());
        metrics.knowConsumed(topic, List.of());

        assertThatThrownBy(() -> deadLetters.send(record(4, 6, bytes(10)), new MessageRejected("bad"), "test-group"))
                .isInstanceOf(RetriableException.class);
        assertThat(failures()).isZero();
    }

    private DeadLetterProducer producer(String bootstrap) {
        return new DeadLetterProducer(
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                1_000),
                        new StringSerializer(),
                        new ByteArraySerializer()),
                metrics);
    }

    /** The topic and its dead letters, those with {@code maxMessageBytes} when not null. */
    private void createTopics(String maxMessageBytes) throws Exception {
        metrics.knowConsumed(topic, List.of());
        NewTopic dlt = new NewTopic(topic + DeadLetters.SUFFIX, 1, (short) 1);
        if (maxMessageBytes != null) {
            dlt.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes));
        }
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), dlt))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        TestKafka.awaitLeaders(TestKafka.bootstrapServers(), topic + DeadLetters.SUFFIX, 1);
    }

    private ConsumerRecord<String, byte[]> record(int id, long offset, byte[] value) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, ("id-" + id).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(
                topic,
                0,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                0,
                value.length,
                "SKU-" + id,
                value,
                headers,
                java.util.Optional.empty());
    }

    private double failures() {
        return registry.get("dead.letter.failures")
                .tag("topic", topic)
                .counter()
                .count();
    }

    private static byte[] bytes(int size) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) ('a' + i % 26);
        }
        return value;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        return CloudEventHeaders.text(record.headers(), header);
    }

    private static String sha256(byte[] value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    }
}
