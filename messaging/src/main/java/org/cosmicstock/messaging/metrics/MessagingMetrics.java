package org.cosmicstock.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.cosmicstock.messaging.bus.Outcome;

/**
 * The messaging metrics of CONTRACT.md. Counters are registered at zero for every topic, type and
 * outcome a service knows, so that {@code increase()} and alerts see the first dead letter.
 */
public final class MessagingMetrics {

    public static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry registry;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxOldestPendingAgeSeconds = new AtomicLong();
    private final Timer publishDelay;

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishDelay = Timer.builder("outbox.publish.delay")
                .description("Time from the commit of an outbox row to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Registers the consumed counters of {@code topic} at zero. */
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
    }

    /** Registers the outbox gauges and the published counters of {@code topic} at zero. */
    public void knowPublished(String topic, Collection<String> types) {
        registerOutboxGauges();
        types.forEach(type -> publishedCounter(topic, type));
    }

    public void consumed(String topic, String type, Outcome outcome) {
        consumedCounter(topic, type, outcome).increment();
    }

    public Timer handlingTimer(String type) {
        return Timer.builder("message.handling")
                .description("Time a handler took for one message")
                .tag("type", type)
                .register(registry);
    }

    public void published(String topic, String type, Duration delay) {
        publishedCounter(topic, type).increment();
        publishDelay.record(delay);
    }

    public void outboxBacklog(long pending, long oldestAgeSeconds) {
        outboxPending.set(pending);
        outboxOldestPendingAgeSeconds.set(oldestAgeSeconds);
    }

    private void registerOutboxGauges() {
        registry.gauge("outbox.pending", outboxPending);
        registry.gauge("outbox.oldest.pending.age.seconds", outboxOldestPendingAgeSeconds);
    }

    private Counter consumedCounter(String topic, String type, Outcome outcome) {
        return Counter.builder("messages.consumed")
                .description("Records a consumer finished with, by outcome")
                .tags("topic", topic, "type", type, "outcome", outcome.label())
                .register(registry);
    }

    private Counter publishedCounter(String topic, String type) {
        return Counter.builder("outbox.published")
                .description("Outbox rows published to the broker")
                .tags("topic", topic, "type", type)
                .register(registry);
    }
}
