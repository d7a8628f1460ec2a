package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cosmicstock.stockview.testing.Eventually.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.stockview.adapters.cache.RedisConnection;
import org.cosmicstock.stockview.adapters.cache.RedisStockView;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.testing.EventsTopic;
import org.cosmicstock.stockview.testing.Eventually;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.cosmicstock.stockview.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reader with a view in Redis: what a shared view that outlives the process adds. */
class AllocationEventsReaderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EventsTopic topic = EventsTopic.create("events");
    private final String prefix = "reader-it:" + UUID.randomUUID() + ":";
    private final RandomAllocationHistory history = new RandomAllocationHistory(11, 8);
    private final Running first = new Running();
    private final Running second = new Running();

    @AfterEach
    void stop() {
        first.close();
        second.close();
        topic.close();
    }

    @Test
    void afterARestartReadsOnFromThePositionsKeptInRedis() {
        first.start(topic, prefix);
        send(200);
        awaitCaughtUp(first);
        first.stop();
        Map<Integer, Long> applied = first.view.positions();
        int newDomainEvents = send(50);
        Map<Integer, Long> ends = topic.endOffsets();

        second.start(topic, prefix);
        awaitCaughtUp(second);

        long unreadAtRestart = ends.entrySet().stream()
                .mapToLong(e -> e.getValue() - applied.getOrDefault(e.getKey(), -1L) - 1)
                .sum();
        assertThat(second.reader.progress().total()).isEqualTo(unreadAtRestart);
        assertThat(second.consumed("processed")).isEqualTo(newDomainEvents);
        assertThat(second.consumed("duplicate")).isZero();
        assertViewIsTheHistory(second.view);
    }

    @Test
    void whenAnotherReplicaRebuildsTheSharedViewThisOneResumesFromItsNewPositions() {
        first.start(topic, prefix);
        second.start(topic, prefix);
        send(300);
        awaitCaughtUp(first);
        awaitCaughtUp(second);

        first.reader.rebuild();
        await(
                "the first replica has dropped the view",
                PATIENCE,
                () -> first.reader.progress().remaining() >= 0);
        send(300);

        awaitCaughtUp(first);
        awaitCaughtUp(second);
        assertThat(second.reader.progress().starts())
                .as("the second replica resumed from the rebuilt view's positions")
                .isEqualTo(2);
        assertViewIsTheHistory(second.view);
    }

    private int send(int count) {
        int domainEvents = 0;
        for (int i = 0; i < count; i++) {
            RandomAllocationHistory.Event event = history.next();
            topic.send(event);
            domainEvents += event.domain().isPresent() ? 1 : 0;
        }
        topic.flush();
        return domainEvents;
    }

    private void awaitCaughtUp(Running replica) {
        Map<Integer, Long> ends = topic.endOffsets();
        await(
                "the reader has read " + ends,
                PATIENCE,
                () -> replica.reader.progress().caughtUp()
                        && Eventually.readUpTo(replica.reader.progress().read(), ends));
    }

    private void assertViewIsTheHistory(StockView view) {
        history.expected()
                .forEach((sku, stock) ->
                        assertThat(view.find(sku).map(SkuSnapshot::of)).as(sku).contains(SkuSnapshot.of(stock)));
    }

    /** One replica: its own connection to Redis, its own reader on its own thread. */
    private static final class Running {

        private final MeterRegistry registry = new SimpleMeterRegistry();
        private RedisConnection redis;
        private StockView view;
        private DeadLetterProducer deadLetters;
        private AllocationEventsReader reader;
        private Thread thread;

        void start(EventsTopic topic, String prefix) {
            redis = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2));
            view = new RedisStockView(redis, prefix);
            deadLetters = new DeadLetterProducer(
                    new KafkaProducer<>(
                            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                            new StringSerializer(),
                            new ByteArraySerializer()),
                    "stock-view-test");
            var projection = new RecordProjection(
                    view,
                    MessageCodec.create(),
                    new MessagingMetrics(registry),
                    deadLetters,
                    Timer.builder("projection.lag").register(registry),
                    Clock.systemUTC());
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest");
            reader = new AllocationEventsReader(
                    () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                    topic.name(),
                    view,
                    projection);
            thread = new Thread(reader, "reader-under-test");
            thread.start();
        }

        double consumed(String outcome) {
            return registry.find("messages.consumed").tag("outcome", outcome).counters().stream()
                    .mapToDouble(c -> c.count())
                    .sum();
        }

        void stop() {
            if (thread == null) {
                return;
            }
            reader.stop();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }

        void close() {
            stop();
            if (redis != null) {
                redis.close();
                deadLetters.close();
            }
        }
    }
}
