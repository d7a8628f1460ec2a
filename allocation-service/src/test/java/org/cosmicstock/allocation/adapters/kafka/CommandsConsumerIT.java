package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.allocation.bootstrap.AllocationServiceApplication;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.messaging.testing.TestServices;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The allocation service with a real broker and a real PostgreSQL: commands in, events out, a refused
 * command answered with an event, what breaks the contract dead-lettered.
 */
@SpringBootTest(classes = AllocationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CommandsConsumerIT {

    private static final String COMMANDS = TestKafka.uniqueTopic("commands");
    private static final String EVENTS = TestKafka.uniqueTopic("events");
    private static final Duration NOT_YET_FOR = Duration.ofSeconds(20);
    private final MessageCodec codec = MessageCodec.create();

    @Autowired
    MeterRegistry registry;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        TestServices.onKafkaAndPostgres(properties, COMMANDS, EVENTS);
        properties.add("cosmicstock.messaging.retry.not-yet-for", () -> NOT_YET_FOR.toMillis() + "ms");
        // As it runs once every reader knows v2 (docs/adding-a-schema-version.md): events with the batch totals.
        properties.add("cosmicstock.messaging.schemas.write.Allocated", () -> "2");
        properties.add("cosmicstock.messaging.schemas.write.Deallocated", () -> "2");
    }

    @Test
    void createsBatchesAllocatesOnceAndDeadLettersWhatCanNeverSucceed() throws Exception {
        // Counters are shared with the other tests of this context: compare with what they were.
        double duplicates = count("Allocate", "duplicate");
        double invalidAllocates = count("Allocate", "invalid");
        double undecodable = count("unknown", "invalid");
        double skipped = count("CreateBatch", "skipped");
        double processed = count("Allocate", "processed");
        double deadLettered = countAllTypes(COMMANDS, "dead_lettered");
        send("SKU-1", codec.encode(new CreateBatch("batch-1", "SKU-1", 10, null)), "create-1");
        String allocateId = "allocate-" + UUID.randomUUID();
        byte[] allocate = codec.encode(new Allocate("order-1", "SKU-1", 3));
        for (int i = 0; i < 3; i++) {
            send("SKU-1", allocate, allocateId);
        }
        send("NOPE", codec.encode(new Allocate("order-2", "NOPE", 1)), "allocate-unknown");
        send("SKU-1", "not avro at all".getBytes(StandardCharsets.UTF_8), "garbage");
        send("SKU-1", codec.encode(new Allocate("order-3", "SKU-1", 0)), "zero-qty");
        send("SKU-1", codec.encode(new CreateBatch("batch-1", "SKU-1", 10, null)), "create-again");

        List<ConsumerRecord<String, byte[]>> events =
                TestKafka.read(EVENTS, 2, r -> "SKU-1".equals(r.key()), Duration.ofSeconds(60));
        List<SpecificRecord> payloads =
                events.stream().map(r -> codec.decode(r.value())).toList();
        assertThat(payloads)
                .containsExactly(
                        new BatchCreated("batch-1", "SKU-1", 10, null),
                        new Allocated("order-1", "SKU-1", 3, "batch-1", 3));
        assertThat(CloudEventHeaders.text(events.get(1).headers(), CloudEventHeaders.CAUSATION_ID))
                .isEqualTo(allocateId);

        List<ConsumerRecord<String, byte[]>> rejected =
                TestKafka.read(EVENTS, 1, r -> "NOPE".equals(r.key()), Duration.ofSeconds(60));
        assertThat(codec.decode(rejected.get(0).value()))
                .isEqualTo(new AllocationRejected("order-2", "NOPE", 1, "Invalid sku NOPE"));
        assertThat(CloudEventHeaders.text(rejected.get(0).headers(), CloudEventHeaders.CAUSATION_ID))
                .isEqualTo("allocate-unknown");

        // The other tests of this class dead-letter records of their own on the same topic.
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.read(
                COMMANDS + DeadLetters.SUFFIX,
                2,
                r -> List.of("garbage", "zero-qty").contains(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)),
                Duration.ofSeconds(60));
        assertThat(dead)
                .extracting(r -> CloudEventHeaders.text(r.headers(), DeadLetters.REASON_HEADER))
                .containsExactlyInAnyOrder(
                        "org.cosmicstock.schemas.codec.MalformedMessageException: Malformed message: not Avro"
                                + " single-object encoding (first bytes 0x6E6F7420)",
                        "org.cosmicstock.messaging.bus.MessageRejected: Invalid message: qty must be between 1 and 1000000");
        ConsumerRecord<String, byte[]> zeroQty = dead.stream()
                .filter(r -> "zero-qty".equals(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(zeroQty.key()).isEqualTo("SKU-1");
        assertThat(codec.decode(zeroQty.value())).isEqualTo(new Allocate("order-3", "SKU-1", 0));
        assertThat(CloudEventHeaders.text(zeroQty.headers(), "kafka_dlt-original-topic"))
                .isEqualTo(COMMANDS);
        assertThat(CloudEventHeaders.text(zeroQty.headers(), "kafka_dlt-original-consumer-group"))
                .isEqualTo("allocation-service");

        awaitCount("Allocate", "duplicate", duplicates + 2);
        awaitCount("Allocate", "invalid", invalidAllocates + 1);
        awaitCount("unknown", "invalid", undecodable + 1);
        awaitCount("CreateBatch", "skipped", skipped + 1);
        assertThat(count("Allocate", "processed")).isEqualTo(processed + 2);
        List<String> sentHere =
                List.of("create-1", allocateId, "allocate-unknown", "garbage", "zero-qty", "create-again");
        assertThat(TestKafka.readToEnd(COMMANDS + DeadLetters.SUFFIX).stream()
                        .filter(r -> sentHere.contains(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID))))
                .as("exactly the two that can never succeed, read to the end")
                .hasSize(2);
        assertThat(TestKafka.readToEnd(EVENTS).stream()
                        .filter(r -> "SKU-1".equals(r.key()))
                        .map(r -> codec.decode(r.value())))
                .as("one Allocated however often the command arrives")
                .containsExactly(
                        new BatchCreated("batch-1", "SKU-1", 10, null),
                        new Allocated("order-1", "SKU-1", 3, "batch-1", 3));
        assertThat(countAllTypes(COMMANDS, "dead_lettered"))
                .as("nothing valid was retried into the dead-letter topic")
                .isEqualTo(deadLettered);
    }

    @Test
    void changeBatchQuantityLeadingToReallocation() throws Exception {
        double deallocatedReadBack =
                count(EVENTS, "Deallocated", "processed") + count(EVENTS, "Deallocated", "duplicate");
        LocalDate today = LocalDate.now();
        send("SKU-R", codec.encode(new CreateBatch("early", "SKU-R", 10, today)), "create-early");
        send("SKU-R", codec.encode(new CreateBatch("later", "SKU-R", 10, today.plusDays(1))), "create-later");
        send("SKU-R", codec.encode(new Allocate("order-r", "SKU-R", 10)), "allocate-r");
        send("SKU-R", codec.encode(new ChangeBatchQuantity("early", 5, null)), "change-r");

        assertThat(eventsKeyed("SKU-R", 6))
                .containsExactly(
                        new BatchCreated("early", "SKU-R", 10, today),
                        new BatchCreated("later", "SKU-R", 10, today.plusDays(1)),
                        new Allocated("order-r", "SKU-R", 10, "early", 10),
                        new BatchQuantityChanged("early", "SKU-R", 5),
                        new Deallocated("order-r", "SKU-R", 10, "early", 0),
                        new Allocated("order-r", "SKU-R", 10, "later", 10));

        // The reallocation runs in process and again from the Deallocated read back (ADR 5): once that
        // was consumed and the outbox is empty, anything it wrongly raised a second time is on the topic.
        await("the Deallocated read back from the topic")
                .atMost(Duration.ofSeconds(30))
                .until(() -> count(EVENTS, "Deallocated", "processed") + count(EVENTS, "Deallocated", "duplicate")
                        > deallocatedReadBack);
        await("an empty outbox").atMost(Duration.ofSeconds(30)).until(this::unpublished, rows -> rows == 0);
        assertThat(TestKafka.readToEnd(EVENTS).stream().filter(r -> "SKU-R".equals(r.key())))
                .as("reallocated once, read to the end of the topic")
                .hasSize(6);
    }

    @Test
    void aChangeBatchQuantityReadBeforeItsCreateBatchWaitsForItInsteadOfBeingDeadLettered() throws Exception {
        // Keyed by batch ref, the change travels on another partition than the batch's creation, and
        // is read first.
        double retriesBefore = retries();
        send(0, "late-ref", codec.encode(new ChangeBatchQuantity("late-ref", 7, null)), "change-late");
        await("the change tried and waiting").atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore);
        send(1, "SKU-L", codec.encode(new CreateBatch("late-ref", "SKU-L", 10, null)), "create-late");

        assertThat(eventsKeyed("SKU-L", 2))
                .containsExactly(
                        new BatchCreated("late-ref", "SKU-L", 10, null),
                        new BatchQuantityChanged("late-ref", "SKU-L", 7));
        assertThat(TestKafka.readToEnd(COMMANDS + DeadLetters.SUFFIX))
                .as("nothing dead-lettered for the change that waited")
                .noneMatch(r -> "change-late".equals(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)));
    }

    @Test
    void aChangeBatchQuantityForABatchThatNeverComesIsDeadLetteredOnceItHasWaited() throws Exception {
        long sent = System.nanoTime();
        send(2, "never-ref", codec.encode(new ChangeBatchQuantity("never-ref", 7, null)), "change-never");
        send(2, "SKU-N", codec.encode(new CreateBatch("batch-n", "SKU-N", 10, null)), "create-behind");

        ConsumerRecord<String, byte[]> letter = TestKafka.read(
                        COMMANDS + DeadLetters.SUFFIX,
                        1,
                        r -> "change-never".equals(CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)),
                        Duration.ofSeconds(90))
                .get(0);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(NOT_YET_FOR);
        assertThat(CloudEventHeaders.text(letter.headers(), DeadLetters.REASON_HEADER))
                .contains("Unknown batch never-ref");
        // The partition waited behind it, then went on.
        assertThat(eventsKeyed("SKU-N", 1)).containsExactly(new BatchCreated("batch-n", "SKU-N", 10, null));
    }

    /** The first {@code count} events keyed {@code key}, decoded; waits up to a minute for them. */
    private List<SpecificRecord> eventsKeyed(String key, int count) {
        return TestKafka.read(EVENTS, count, r -> key.equals(r.key()), Duration.ofSeconds(60)).stream()
                .map(r -> codec.decode(r.value()))
                .toList();
    }

    private double retries() {
        return registry.get("consumer.retries").tag("topic", COMMANDS).counter().count();
    }

    private void send(int partition, String key, byte[] value, String id) {
        TestProducer.send(COMMANDS, partition, key, value, id);
    }

    private void send(String key, byte[] value, String id) {
        TestProducer.send(COMMANDS, null, key, value, id);
    }

    /** Waits until the counter reaches {@code expected}, then checks it did not pass it. */
    private void awaitCount(String type, String outcome, double expected) {
        await(type + " " + outcome).atMost(Duration.ofSeconds(30)).until(() -> count(type, outcome) >= expected);
        assertThat(count(type, outcome)).as("%s %s", type, outcome).isEqualTo(expected);
    }

    private double count(String type, String outcome) {
        return count(COMMANDS, type, outcome);
    }

    private double count(String topic, String type, String outcome) {
        return registry.get("messages.consumed")
                .tags("topic", topic, "type", type, "outcome", outcome)
                .counter()
                .count();
    }

    private double countAllTypes(String topic, String outcome) {
        return registry.find("messages.consumed").tags("topic", topic, "outcome", outcome).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private long unpublished() {
        return JdbcClient.create(dataSource)
                .sql("select count(*) from messaging.outbox where published_at is null")
                .query(Long.class)
                .single();
    }
}
