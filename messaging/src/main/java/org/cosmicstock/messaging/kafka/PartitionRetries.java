package org.cosmicstock.messaging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of one consumer thread that wait for a transient failure to pass: when each may be
 * tried again, and a log line when one starts failing, once a minute while it keeps failing, and when
 * it recovers. Counted in {@code consumer_retries_total} and {@code consumer_retrying_partitions}.
 */
final class PartitionRetries {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRetries.class);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final String group;
    private final RetryBackoff backoff;
    private final MessagingMetrics metrics;
    private final Map<TopicPartition, Failing> failing = new HashMap<>();

    PartitionRetries(String group, RetryBackoff backoff, MessagingMetrics metrics) {
        this.group = group;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    private static final class Failing {
        final long since;
        int attempts;
        long retryAt;
        long reportedAt;

        Failing(long now) {
            this.since = now;
            this.reportedAt = now;
        }
    }

    /** Records a failed attempt; returns how long the partition waits before the next one. */
    Duration failed(TopicPartition partition, Exception cause, long now) {
        Failing state = failing.get(partition);
        if (state == null) {
            state = new Failing(now);
            failing.put(partition, state);
            metrics.retrying(partition.topic(), +1);
        }
        state.attempts++;
        Duration pause = backoff.after(state.attempts);
        state.retryAt = now + pause.toMillis();
        metrics.retried(partition.topic());
        if (state.attempts == 1) {
            LOG.warn(
                    "{} partition {}: transient failure, retrying in {} ms (this partition waits; the others go on): {}",
                    group,
                    partition,
                    pause.toMillis(),
                    DeadLetters.reason(cause),
                    cause);
        } else if (now - state.reportedAt >= REPORT_EVERY.toMillis()) {
            state.reportedAt = now;
            LOG.warn(
                    "{} partition {}: still failing after {} attempts over {} s, next in {} ms: {}",
                    group,
                    partition,
                    state.attempts,
                    (now - state.since) / 1000,
                    pause.toMillis(),
                    DeadLetters.reason(cause));
        }
        return pause;
    }

    void succeeded(TopicPartition partition, long now) {
        Failing state = failing.remove(partition);
        if (state != null) {
            metrics.retrying(partition.topic(), -1);
            LOG.info(
                    "{} partition {}: recovered after {} failed attempt(s) over {} s",
                    group,
                    partition,
                    state.attempts,
                    (now - state.since) / 1000);
        }
    }

    /** Partitions whose pause is over. */
    List<TopicPartition> due(long now) {
        List<TopicPartition> due = new ArrayList<>();
        failing.forEach((partition, state) -> {
            if (state.retryAt != 0 && state.retryAt <= now) {
                due.add(partition);
                state.retryAt = 0;
            }
        });
        return due;
    }

    /** The partitions went to another consumer (or this one stops): it retries them from the committed offset. */
    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            if (failing.remove(partition) != null) {
                metrics.retrying(partition.topic(), -1);
            }
        }
    }

    void forgetAll() {
        forget(new ArrayList<>(failing.keySet()));
    }
}
