package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.cosmicstock.allocation.bootstrap.AllocationServiceApplication;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.messaging.testing.TestServices;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No record stalls its partition because its dead letter cannot be written as is: the service as
 * wired, a real broker, a real PostgreSQL.
 */
@SpringBootTest(classes = AllocationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UnwritableDeadLettersIT {

    private static final String COMMANDS = TestKafka.uniqueTopic("commands");
    private static final String EVENTS = TestKafka.uniqueTopic("events");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final MessageCodec codec = MessageCodec.create();

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        TestServices.onKafkaAndPostgres(properties, COMMANDS, EVENTS);
    }

    @Test
    void aRecordOfAMegabyteIsDeadLetteredTruncatedAndItsPartitionAllocatesTheNextCommand() throws Exception {
        double failures = deadLetterFailures();
        send("SKU-BIG", codec.encode(new CreateBatch("batch-big", "SKU-BIG", 10, null)), "create-big");
        // The test producer's default max.request.size (1 MiB) and the broker's message.max.bytes take this
        // record; its dead letter, with the reason headers added, is over the same limit.
        byte[] notAvro = new byte[1_048_200];
        Arrays.fill(notAvro, (byte) 'x');
        send("SKU-BIG", notAvro, "one-megabyte");

        ConsumerRecord<String, byte[]> letter = TestKafka.read(
                        COMMANDS + DeadLetters.SUFFIX,
                        1,
                        r -> "one-megabyte".equals(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)),
                        PATIENCE)
                .get(0);
        // Sent once the record is behind the consumer, so that it is read in a batch of its own.
        send("SKU-BIG", codec.encode(new Allocate("order-big", "SKU-BIG", 1)), "allocate-big");
        assertAllocated("SKU-BIG", new Allocated("order-big", "SKU-BIG", 1, "batch-big", null));
        assertThat(CloudEventHeaders.text(letter.headers(), DeadLetterProducer.TRUNCATED_HEADER))
                .isEqualTo("true");
        assertThat(CloudEventHeaders.text(letter.headers(), DeadLetterProducer.ORIGINAL_SIZE_HEADER))
                .isEqualTo("1048200");
        assertThat(CloudEventHeaders.text(letter.headers(), DeadLetters.REASON_HEADER))
                .contains("MalformedMessageException");
        assertThat(CloudEventHeaders.text(letter.headers(), "kafka_dlt-original-topic"))
                .isEqualTo(COMMANDS);
        assertThat(letter.value()).hasSize(DeadLetterProducer.TRUNCATED_VALUE_BYTES);
        assertThat(deadLetterFailures()).isEqualTo(failures);
    }

    @Test
    void aDeadLetterTopicThatRefusesEveryWriteDoesNotStopThePartitionAndIsCounted() throws Exception {
        double failures = deadLetterFailures();
        maxMessageBytesOfTheDeadLetters("64");
        try {
            send("SKU-REF", codec.encode(new CreateBatch("batch-ref", "SKU-REF", 10, null)), "create-ref");
            send("SKU-REF", "not avro at all".getBytes(StandardCharsets.UTF_8), "garbage-ref");

            await("the record whose dead letter could not be written, counted")
                    .atMost(PATIENCE)
                    .until(this::deadLetterFailures, count -> count >= failures + 1);
            // Sent once the record is behind the consumer, so that it is read in a batch of its own.
            send("SKU-REF", codec.encode(new Allocate("order-ref", "SKU-REF", 2)), "allocate-ref");
            assertAllocated("SKU-REF", new Allocated("order-ref", "SKU-REF", 2, "batch-ref", null));
            assertThat(deadLetterFailures()).isEqualTo(failures + 1);
            assertThat(TestKafka.readToEnd(COMMANDS + DeadLetters.SUFFIX))
                    .noneMatch(r -> "garbage-ref".equals(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)));
        } finally {
            maxMessageBytesOfTheDeadLetters(null);
        }
    }

    /** Allocated as this release writes it by default: v1, without the batch's total. */
    private void assertAllocated(String sku, Allocated expected) {
        List<ConsumerRecord<String, byte[]>> events = TestKafka.read(EVENTS, 2, r -> sku.equals(r.key()), PATIENCE);
        assertThat(events.stream().map(r -> codec.decode(r.value()))).contains(expected);
    }

    private double deadLetterFailures() {
        return registry.get("dead.letter.failures")
                .tag("topic", COMMANDS)
                .counter()
                .count();
    }

    /** Sets the dead-letter topic's max.message.bytes, or back to the broker's default with null. */
    private static void maxMessageBytesOfTheDeadLetters(String value) throws Exception {
        TestKafka.awaitLeaders(TestKafka.bootstrapServers(), COMMANDS + DeadLetters.SUFFIX, 6);
        var entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value);
        var op = new AlterConfigOp(entry, value == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
        var topic = new ConfigResource(ConfigResource.Type.TOPIC, COMMANDS + DeadLetters.SUFFIX);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
            await("max.message.bytes of the dead letters set").atMost(PATIENCE).until(() -> {
                var config = admin.describeConfigs(List.of(topic))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic)
                        .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                return value == null ? config.isDefault() : value.equals(config.value());
            });
        }
    }

    private void send(String key, byte[] value, String id) {
        TestProducer.send(COMMANDS, null, key, value, id);
    }
}
