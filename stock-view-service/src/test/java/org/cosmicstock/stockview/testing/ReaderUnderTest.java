package org.cosmicstock.stockview.testing;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.stockview.adapters.kafka.AllocationEventsReader;
import org.cosmicstock.stockview.adapters.kafka.DeadLetterTrouble;
import org.cosmicstock.stockview.adapters.kafka.ReaderState;
import org.cosmicstock.stockview.adapters.kafka.RecordProjection;
import org.cosmicstock.stockview.adapters.kafka.ReplayProgress;
import org.cosmicstock.stockview.bootstrap.ReaderLifecycle;
import org.cosmicstock.stockview.domain.StockView;

/**
 * One replica's reader as the service wires it (consumer settings, projection, dead letters,
 * metrics), on a thread of its own, over a view the test chooses, against a real broker.
 */
public final class ReaderUnderTest implements AutoCloseable {

    public final MeterRegistry registry = new SimpleMeterRegistry();
    public final MessagingMetrics metrics = new MessagingMetrics(registry);
    public final StockView view;
    public final AllocationEventsReader reader;
    private final DeadLetterProducer deadLetters;
    private final AutoCloseable[] owned;
    private final ReaderLifecycle running;

    /**
     * @param deadLetterBroker where dead letters go (a dead address makes dead-lettering fail)
     * @param owned closed with the reader, e.g. the view's Redis connection
     */
    public ReaderUnderTest(
            String topic,
            StockView view,
            String broker,
            String deadLetterBroker,
            Duration deadLetterPatience,
            AutoCloseable... owned) {
        this.view = view;
        this.owned = owned;
        this.deadLetters = new DeadLetterProducer(
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                deadLetterBroker,
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                1_000),
                        new StringSerializer(),
                        new ByteArraySerializer()),
                metrics,
                "stock-view-test");
        var trouble = new DeadLetterTrouble(
                Clock.systemUTC(),
                deadLetterPatience,
                Counter.builder("projection.dead.letter.failures").register(registry));
        var projection = new RecordProjection(
                view,
                MessageCodec.create(),
                metrics,
                deadLetters,
                trouble,
                Timer.builder("projection.lag").register(registry),
                Clock.systemUTC(),
                MessageTracing.NONE);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "none",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                1_000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000);
        this.reader = new AllocationEventsReader(
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                topic,
                view,
                projection,
                new ReplayProgress(Clock.systemUTC()),
                Duration.ofSeconds(1));
        this.running = new ReaderLifecycle(reader);
    }

    public ReaderUnderTest start() {
        running.start();
        return this;
    }

    public ReplayProgress progress() {
        return reader.progress();
    }

    public boolean serving() {
        return progress().state().serving() && reader.deadLetterTrouble().stuck() == null;
    }

    public ReaderState state() {
        return progress().state();
    }

    public double consumed(String outcome) {
        return registry.find("messages.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    public double deadLetterFailures() {
        return registry.get("projection.dead.letter.failures").counter().count();
    }

    /** Waits until the reader serves a view that has read everything before {@code ends}. */
    public void awaitCaughtUp(Map<Integer, Long> ends, Duration patience) {
        await("the reader serves a view that has read " + ends)
                .atMost(patience)
                .until(() -> progress().state() == ReaderState.CAUGHT_UP
                        && readUpTo(progress().read(), ends));
    }

    /** Whether a reader has read every record before {@code ends} (per partition, the next offset). */
    public static boolean readUpTo(Map<Integer, Long> read, Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> read.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    public void stop() {
        if (running.isRunning()) {
            running.stop();
        }
    }

    @Override
    public void close() {
        stop();
        deadLetters.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
