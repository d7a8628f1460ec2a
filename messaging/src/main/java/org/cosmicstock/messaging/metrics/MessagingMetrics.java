package org.cosmicstock.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cosmicstock.messaging.bus.Outcome;

/**
 * The messaging metrics of the contract. Counters are registered at zero for every topic, type and
 * outcome a service knows, so that {@code increase()} and alerts see the first dead letter.
 */
public final class MessagingMetrics {

    public static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry registry;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxOldestPendingAgeSeconds = new AtomicLong();
    private final AtomicLong outboxParked = new AtomicLong();
    private final Map<String, AtomicLong> retryingPartitions = new ConcurrentHashMap<>();
    private final Timer publishDelay;
    private final Counter publishFailures;
    // Meters looked up by their tags once: a registry lookup builds and sorts tags on every call.
    private final Map<String, Timer> handlingTimers = new ConcurrentHashMap<>();
    private final Map<List<Object>, Counter> consumedCounters = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> publishedCounters = new ConcurrentHashMap<>();

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishDelay = Timer.builder("outbox.publish.delay")
                .description("Time from the commit of an outbox row to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.publishFailures = Counter.builder("outbox.publish.failures")
                .description("Failed attempts to publish outbox rows (the broker away, a row refused)")
                .register(registry);
    }

    /** Registers the consumed counters and retry meters of {@code topic} at zero. */
    public void knowConsumed(String topic, Collection<String> types) {
        for (String type : types) {
            for (Outcome outcome : Outcome.values()) {
                consumedCounter(topic, type, outcome);
            }
            handlingTimer(type);
        }
        for (Outcome outcome : Outcome.values()) {
            consumedCounter(topic, UNKNOWN_TYPE, outcome);
        }
        retriedCounter(topic);
        retryingGauge(topic);
        deadLetterFailuresCounter(topic);
    }

    /** Registers the outbox gauges and the published counters of {@code topic} at zero. */
    public void knowPublished(String topic, Collection<String> types) {
        registry.gauge("outbox.pending", outboxPending);
        registry.gauge("outbox.oldest.pending.age.seconds", outboxOldestPendingAgeSeconds);
        registry.gauge("outbox.parked", outboxParked);
        types.forEach(type -> publishedCounter(topic, type));
    }

    public void consumed(String topic, String type, Outcome outcome) {
        consumedCounter(topic, type, outcome).increment();
    }

    public Timer handlingTimer(String type) {
        return handlingTimers.computeIfAbsent(
                type,
                t -> Timer.builder("message.handling")
                        .description("Time a handler took for one message")
                        .tag("type", t)
                        .register(registry));
    }

    /** A batch of records of {@code topic} failed for a transient reason and will be tried again. */
    public void retried(String topic) {
        retriedCounter(topic).increment();
    }

    /** One more (+1) or one fewer (-1) partition of {@code topic} waiting to retry. */
    public void retrying(String topic, int change) {
        retryingGauge(topic).addAndGet(change);
    }

    /** A dead letter for a record of {@code topic} could not be written at all: the record was skipped. */
    public void deadLetterFailed(String topic) {
        deadLetterFailuresCounter(topic).increment();
    }

    public void published(String topic, String type, Duration delay) {
        publishedCounter(topic, type).increment();
        publishDelay.record(delay);
    }

    public void publishFailed() {
        publishFailures.increment();
    }

    public void outboxBacklog(long pending, long oldestAgeSeconds, long parked) {
        outboxPending.set(pending);
        outboxOldestPendingAgeSeconds.set(oldestAgeSeconds);
        outboxParked.set(parked);
    }

    private Counter consumedCounter(String topic, String type, Outcome outcome) {
        return consumedCounters.computeIfAbsent(
                List.of(topic, type, outcome),
                key -> Counter.builder("messages.consumed")
                        .description("Records a consumer finished with, by outcome")
                        .tags("topic", topic, "type", type, "outcome", outcome.label())
                        .register(registry));
    }

    private Counter retriedCounter(String topic) {
        return Counter.builder("consumer.retries")
                .description("Batches of records tried again after a transient failure (their partition waited)")
                .tag("topic", topic)
                .register(registry);
    }

    private Counter deadLetterFailuresCounter(String topic) {
        return Counter.builder("dead.letter.failures")
                .description("Records of the topic skipped because no dead letter could be written for them, not"
                        + " even truncated (an ERROR line names each)")
                .tag("topic", topic)
                .register(registry);
    }

    private AtomicLong retryingGauge(String topic) {
        return retryingPartitions.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("consumer.retrying.partitions", value, AtomicLong::get)
                    .description("Partitions waiting out a transient failure before their records are tried again")
                    .tag("topic", t)
                    .register(registry);
            return value;
        });
    }

    private Counter publishedCounter(String topic, String type) {
        return publishedCounters.computeIfAbsent(
                List.of(topic, type),
                key -> Counter.builder("outbox.published")
                        .description("Outbox rows published to the broker")
                        .tags("topic", topic, "type", type)
                        .register(registry));
    }
}
