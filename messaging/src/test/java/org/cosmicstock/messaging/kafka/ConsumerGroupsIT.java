package org.cosmicstock.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.config.KafkaConsumers;
import org.cosmicstock.messaging.config.MessagingProperties;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The consumer groups' listener containers against a real broker: a poll's batch, commits,
 * and retries that pause one partition.
 */
class ConsumerGroupsIT {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessagingMetrics metrics = new MessagingMetrics(registry);
    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> batchPartitions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean partitionZeroFails = new AtomicBoolean();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private String topic;
    private String group;

    @BeforeEach
    void setUp() throws Exception {
        topic = TestKafka.uniqueTopic("batches");
        group = "group-" + UUID.randomUUID();
        TestKafka.createTopic(topic, 2);
        metrics.knowConsumed(topic, List.of());
        scheduler.initialize();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdown();
    }

    @Test
    void aTransientFailurePausesOnlyItsPartitionAndIsRetriedUntilItPasses() throws Exception {
        partitionZeroFails.set(true);
        send(0, "p0-a", "p0-b");
        send(1, "p1-a", "p1-b");
        try (Running consumer = start(consumer())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(handled).containsExactly("p1-a", "p1-b");
                assertThat(registry.get("consumer.retries")
                                .tag("topic", topic)
                                .counter()
                                .count())
                        .isGreaterThanOrEqualTo(2);
                assertThat(retrying()).isEqualTo(1.0);
            });
            send(1, "p1-c");
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("p1-c"));
            assertThat(handled).doesNotContain("p0-a", "p0-b");

            partitionZeroFails.set(false);

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(handled).containsExactlyInAnyOrder("p1-a", "p1-b", "p1-c", "p0-a", "p0-b"));
            await().atMost(Duration.ofSeconds(10)).until(() -> retrying() == 0.0);
        }
        assertThat(handled.indexOf("p0-a")).isLessThan(handled.indexOf("p0-b"));
    }

    @Test
    void handlesWhatOnePollReturnsAsOneBatchAndCommitsPastIt() throws Exception {
        List<String> values = numbered("v", 200);
        send(0, values.toArray(String[]::new));
        try (Running consumer = start(consumer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 200);
        }
        assertThat(handled).containsExactlyElementsOf(values);
        assertThat(batchSizes).as("records arrive in batches, not one by one").anyMatch(size -> size > 1);
        assertThat(committed(0)).isEqualTo(200);

        // A new member of the group starts where the last one committed: nothing is handled twice.
        send(0, "after");
        try (Running consumer = start(consumer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("after"));
        }
        assertThat(handled).hasSize(201);
    }

    @Test
    void handlesWhatOnePollReturnsFromEveryPartitionAsOneBatch() throws Exception {
        send(0, numbered("v", 100).toArray(String[]::new));
        send(1, numbered("w", 100).toArray(String[]::new));
        try (Running consumer = start(consumer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 200);
        }
        assertThat(batchPartitions)
                .as("a poll that returns both partitions' records hands them over in one call: one unit of work")
                .contains(2L);
        assertThat(handled.stream().filter(v -> v.startsWith("v"))).containsExactlyElementsOf(numbered("v", 100));
        assertThat(handled.stream().filter(v -> v.startsWith("w"))).containsExactlyElementsOf(numbered("w", 100));
        assertThat(committed(0)).isEqualTo(100);
        assertThat(committed(1)).isEqualTo(100);
    }

    @Test
    void commitsFinishedOffsetsWithinTheIntervalWhileRunning() throws Exception {
        send(0, "a", "b", "c");
        send(1, "d");
        try (Running consumer = start(consumer(Duration.ofMillis(100)))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 4);
            // Nothing more arrives: the loop's empty polls must still send what it owes.
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(0) == 3 && committed(1) == 1);
            assertThat(handled).hasSize(4);
        }
    }

    @Test
    void aPartitionTakenAwayByARebalanceLeavesWithItsFinishedOffsetsCommitted() throws Exception {
        send(0, numbered("v", 50).toArray(String[]::new));
        send(1, numbered("w", 50).toArray(String[]::new));
        // An interval far longer than the test: only the rebalance (or the stop) commits.
        try (Running first = start(consumer(Duration.ofHours(1)))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 100);
            assertThat(committed(0))
                    .as("nothing committed yet: the interval has not passed")
                    .isEqualTo(-1);
            try (Running second = start(consumer(Duration.ofHours(1)))) {
                // The second member's arrival revokes the first one's partitions: they are committed first.
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(0) == 50 && committed(1) == 50);
                send(0, "after-0");
                send(1, "after-1");
                await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsAll(List.of("after-0", "after-1")));
            }
        }
        assertThat(handled)
                .as("no record handled twice after the handover")
                .hasSize(102)
                .doesNotHaveDuplicates();
    }

    /** {@code prefix0} .. {@code prefix<count-1>}. */
    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(prefix + i);
        }
        return values;
    }

    private double retrying() {
        return registry.get("consumer.retrying.partitions")
                .tag("topic", topic)
                .gauge()
                .value();
    }

    private ConcurrentMessageListenerContainer<String, byte[]> consumer() {
        return consumer(Duration.ZERO);
    }

    private ConcurrentMessageListenerContainer<String, byte[]> consumer(Duration commitInterval) {
        MessagingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "cosmicstock.messaging.consumer.commit-interval", commitInterval.toMillis() + "ms",
                        "cosmicstock.messaging.retry.initial-interval", "100ms",
                        "cosmicstock.messaging.retry.max-interval", "500ms")))
                .bindOrCreate("cosmicstock.messaging", MessagingProperties.class);
        var factory = new DefaultKafkaConsumerFactory<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
        return new KafkaConsumers(factory, properties, metrics, scheduler)
                .group(group, List.of(topic), 1, (records, failingFor) -> {
                    if (partitionZeroFails.get() && records.stream().anyMatch(r -> r.partition() == 0)) {
                        throw new IllegalStateException("database away");
                    }
                    batchSizes.add(records.size());
                    batchPartitions.add(records.stream()
                            .map(ConsumerRecord::partition)
                            .distinct()
                            .count());
                    records.forEach(r -> handled.add(new String(r.value(), StandardCharsets.UTF_8)));
                });
    }

    private static Running start(ConcurrentMessageListenerContainer<String, byte[]> container) {
        container.start();
        return container::stop;
    }

    /** A started container, stopped (and its offsets committed) when the test leaves the block. */
    private interface Running extends AutoCloseable {
        @Override
        void close();
    }

    private void send(int partition, String... values) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, partition, "key", value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private long committed(int partition) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            var offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            var offset = offsets.get(new TopicPartition(topic, partition));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
