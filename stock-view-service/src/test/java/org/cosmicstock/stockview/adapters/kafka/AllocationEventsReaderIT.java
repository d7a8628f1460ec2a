package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.adapters.cache.RedisConnection;
import org.cosmicstock.stockview.adapters.cache.RedisStockView;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.testing.EventsTopic;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.ReaderUnderTest;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.cosmicstock.stockview.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reader against a real broker and a real redis-server: batches, shared views, losses, holes, new partitions. */
class AllocationEventsReaderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final EventsTopic topic = EventsTopic.create("events");
    private final String prefix = "reader-it:" + UUID.randomUUID() + ":";
    private final RandomAllocationHistory history = new RandomAllocationHistory(11, 8);
    private final List<ReaderUnderTest> readers = new ArrayList<>();

    @AfterEach
    void stop() {
        readers.forEach(ReaderUnderTest::close);
        topic.close();
    }

    @Test
    void afterARestartReadsOnFromThePositionsKeptInRedis() {
        ReaderUnderTest first = redisReader().start();
        send(200);
        first.awaitCaughtUp(topic.endOffsets(), PATIENCE);
        first.stop();
        Map<Integer, Long> applied = first.view.positions();
        int newDomainEvents = send(50);
        Map<Integer, Long> ends = topic.endOffsets();

        ReaderUnderTest second = redisReader().start();
        second.awaitCaughtUp(ends, PATIENCE);

        long unreadAtRestart = ends.entrySet().stream()
                .mapToLong(e -> e.getValue() - applied.getOrDefault(e.getKey(), -1L) - 1)
                .sum();
        assertThat(second.progress().total()).isEqualTo(unreadAtRestart);
        assertThat(second.consumed("processed")).isEqualTo(newDomainEvents);
        assertThat(second.consumed("duplicate")).isZero();
        assertViewIsTheHistory(second.view);
    }

    @Test
    void whenAnotherReplicaRebuildsTheSharedViewThisOneResumesFromTheRebuiltGeneration() {
        ReaderUnderTest first = redisReader().start();
        ReaderUnderTest second = redisReader().start();
        send(300);
        awaitAllCaughtUp(first, second);
        String old = first.progress().generation();
        long secondStarts = second.progress().starts();

        first.reader.rebuild();
        send(300);

        Map<Integer, Long> ends = topic.endOffsets();
        await("the first replica serves a rebuilt generation")
                .atMost(PATIENCE)
                .until(() -> !old.equals(first.progress().generation()) && first.state() == ReaderState.CAUGHT_UP);
        first.awaitCaughtUp(ends, PATIENCE);
        await("the second replica follows the rebuilt generation")
                .atMost(PATIENCE)
                .until(() ->
                        first.progress().generation().equals(second.progress().generation()));
        second.awaitCaughtUp(ends, PATIENCE);
        assertThat(second.progress().starts())
                .as("the second replica resumed from the rebuilt generation")
                .isGreaterThan(secondStarts);
        assertThat(first.progress().losses() + second.progress().losses()).isZero();
        assertViewIsTheHistory(second.view);
    }

    @Test
    void redisFlushedUnderTwoReplicasMidStreamIsRebuiltByBothIntoOneViewEqualToAReplay() throws Exception {
        ReaderUnderTest first = redisReader().start();
        ReaderUnderTest second = redisReader().start();
        send(400);
        Map<Integer, Long> before = awaitAllCaughtUp(first, second);
        String lost = first.progress().generation();

        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                send(30);
                pace(50);
            }
        });
        await("the first replica applies events sent after its catch-up")
                .atMost(PATIENCE)
                .until(() -> first.progress().read().entrySet().stream()
                        .anyMatch(read -> read.getValue() > before.getOrDefault(read.getKey(), 0L)));
        flushRedis();
        more.get();

        Map<Integer, Long> ends = awaitAllCaughtUp(first, second);
        assertThat(first.progress().losses() + second.progress().losses())
                .as("the loss was noticed")
                .isPositive();
        assertThat(first.progress().generation())
                .isNotEqualTo(lost)
                .isEqualTo(second.progress().generation());
        ReaderUnderTest replay = inMemoryReader().start();
        replay.awaitCaughtUp(ends, PATIENCE);
        for (String sku : history.skus()) {
            assertThat(first.view.find(sku).map(SkuSnapshot::of))
                    .as(sku)
                    .isEqualTo(replay.view.find(sku).map(SkuSnapshot::of));
        }
        assertViewIsTheHistory(first.view);
    }

    @Test
    void eventsOnPartitionsAddedLaterShowUp() {
        ReaderUnderTest reader = inMemoryReader().start();
        send(100);
        reader.awaitCaughtUp(topic.endOffsets(), PATIENCE);

        topic.growTo(8);
        RandomAllocationHistory later = new RandomAllocationHistory(77, 3);
        for (int i = 0; i < 60; i++) {
            topic.sendTo(7, later.next());
        }
        topic.flush();

        Map<Integer, Long> ends = topic.endOffsets();
        assertThat(ends.get(7)).isEqualTo(60L);
        reader.awaitCaughtUp(ends, PATIENCE);
        later.expected()
                .forEach((sku, stock) -> assertThat(reader.view.find(sku).map(SkuSnapshot::of))
                        .as(sku)
                        .contains(SkuSnapshot.of(stock)));
        assertViewIsTheHistory(reader.view);
    }

    @Test
    void aFreshViewRefusesToServeATopicWhoseBeginningWasDeleted() {
        for (int i = 0; i < 40; i++) {
            topic.sendTo(2, history.next());
        }
        topic.flush();
        topic.deleteRecordsBefore(2, 15);

        ReaderUnderTest reader = inMemoryReader().start();

        await("the reader refuses").atMost(PATIENCE).until(() -> reader.state() == ReaderState.REFUSING);
        assertThat(reader.progress().reason())
                .contains("partition 2 now begins at offset 15")
                .contains("has applied nothing")
                .contains("offsets 0-14 were deleted unread");
        assertThat(reader.serving()).isFalse();
        await("still refusing after re-checking (every second)")
                .during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> reader.state() == ReaderState.REFUSING);
        history.skus().forEach(sku -> assertThat(reader.view.find(sku)).as(sku).isEmpty());
    }

    @Test
    void aViewThatAppliedPastTheDeletedRecordsReadsOn() {
        ReaderUnderTest first = redisReader().start();
        for (int i = 0; i < 40; i++) {
            topic.sendTo(2, history.next());
        }
        first.awaitCaughtUp(topic.endOffsets(), PATIENCE);
        first.stop();
        topic.deleteRecordsBefore(2, 30);
        for (int i = 0; i < 10; i++) {
            topic.sendTo(2, history.next());
        }

        ReaderUnderTest second = redisReader().start();

        second.awaitCaughtUp(topic.endOffsets(), PATIENCE);
        assertViewIsTheHistory(second.view);
    }

    @Test
    void aDeadLetterThatCannotBeWrittenTakesTheReplicaOutOfServiceAfterItsPatienceAndIsNeverSkipped() {
        ReaderUnderTest reader = new ReaderUnderTest(
                        topic.name(),
                        new InMemoryStockView(),
                        TestKafka.bootstrapServers(),
                        "127.0.0.1:1",
                        Duration.ofSeconds(2))
                .start();
        readers.add(reader);
        send(50);
        reader.awaitCaughtUp(topic.endOffsets(), PATIENCE);
        assertThat(reader.deadLetterFailures()).isZero();

        topic.sendGarbage(history.skus().get(0), "garbage-1");
        topic.flush();

        await("dead-lettering has failed for longer than the patience")
                .atMost(PATIENCE)
                .until(() -> !reader.serving());
        assertThat(reader.reader.deadLetterTrouble().stuck())
                .contains("could not write a dead letter")
                .contains(topic.name() + "-");
        assertThat(reader.deadLetterFailures()).isGreaterThanOrEqualTo(2);
        assertThat(reader.consumed("invalid"))
                .as("the record is not passed over")
                .isZero();
    }

    @Test
    void aDeadLetterTheTopicRefusesForGoodIsSkippedCountedAndTheReplicaStaysInService() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic.name() + ".DLT", 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64"))))
                    .all()
                    .get();
        }
        TestKafka.awaitLeaders(TestKafka.bootstrapServers(), topic.name() + ".DLT", 1);
        ReaderUnderTest reader = inMemoryReader().start();
        send(50);
        reader.awaitCaughtUp(topic.endOffsets(), PATIENCE);

        topic.sendGarbage(history.skus().get(0), "garbage-refused");
        send(50);

        reader.awaitCaughtUp(topic.endOffsets(), PATIENCE);
        assertViewIsTheHistory(reader.view);
        assertThat(reader.consumed("invalid")).isEqualTo(1);
        assertThat(reader.registry
                        .get("dead.letter.failures")
                        .tag("topic", topic.name())
                        .counter()
                        .count())
                .as("the record skipped without a dead letter")
                .isEqualTo(1);
        assertThat(reader.deadLetterFailures())
                .as("no failed attempt left to retry")
                .isZero();
        assertThat(reader.serving()).isTrue();
    }

    /** Waits until every one of {@code replicas} has read what is on the topic now, and gives those ends. */
    private Map<Integer, Long> awaitAllCaughtUp(ReaderUnderTest... replicas) {
        Map<Integer, Long> ends = topic.endOffsets();
        for (ReaderUnderTest reader : replicas) {
            reader.awaitCaughtUp(ends, PATIENCE);
        }
        return ends;
    }

    private ReaderUnderTest redisReader() {
        RedisConnection redis = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2));
        ReaderUnderTest reader = new ReaderUnderTest(
                topic.name(),
                new RedisStockView(redis, prefix),
                TestKafka.bootstrapServers(),
                TestKafka.bootstrapServers(),
                Duration.ofSeconds(60),
                redis);
        readers.add(reader);
        return reader;
    }

    private ReaderUnderTest inMemoryReader() {
        ReaderUnderTest reader = new ReaderUnderTest(
                topic.name(),
                new InMemoryStockView(),
                TestKafka.bootstrapServers(),
                TestKafka.bootstrapServers(),
                Duration.ofSeconds(60));
        readers.add(reader);
        return reader;
    }

    private synchronized int send(int count) {
        int domainEvents = 0;
        for (int i = 0; i < count; i++) {
            RandomAllocationHistory.Step event = history.next();
            topic.send(event);
            domainEvents += event.domain().isPresent() ? 1 : 0;
        }
        topic.flush();
        return domainEvents;
    }

    private void assertViewIsTheHistory(StockView view) {
        history.expected()
                .forEach((sku, stock) ->
                        assertThat(view.find(sku).map(SkuSnapshot::of)).as(sku).contains(SkuSnapshot.of(stock)));
    }

    /** FLUSHALL, as a Redis restarted without its data would be; the tests of this JVM run one at a time. */
    private static void flushRedis() {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushall();
        } finally {
            client.shutdown();
        }
    }

    /** Spreads the sends out, so that the loss happens while events still arrive. */
    private static void pace(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
