package org.cosmicstock.stockview.adapters.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How far the replay has got towards the end of the topic as it was at start; logs progress as it goes. */
public final class ReplayProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayProgress.class);
    private static final long LOG_EVERY_MS = 2_000;

    private volatile Map<TopicPartition, Long> target = Map.of();
    private volatile long startTotal;
    private volatile long remaining = -1;
    private volatile Throwable failure;
    private long lastLog;

    synchronized void start(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> positions) {
        this.target = Map.copyOf(endOffsets);
        this.startTotal = remainingFrom(positions);
        this.remaining = startTotal;
        LOG.info("Replaying {} events from {} partitions into the view", startTotal, endOffsets.size());
    }

    synchronized void advance(Map<TopicPartition, Long> positions) {
        boolean wasCatchingUp = remaining > 0;
        remaining = remainingFrom(positions);
        long now = System.currentTimeMillis();
        if (wasCatchingUp && remaining == 0) {
            LOG.info("View caught up: {} events replayed", startTotal);
        } else if (remaining > 0 && now - lastLog >= LOG_EVERY_MS) {
            lastLog = now;
            LOG.info("Replaying: {}/{} events ({}%)", startTotal - remaining, startTotal, percent());
        }
    }

    void fail(Throwable e) {
        failure = e;
    }

    public boolean caughtUp() {
        return remaining == 0 && failure == null;
    }

    public long remaining() {
        return remaining;
    }

    public long total() {
        return startTotal;
    }

    public Throwable failure() {
        return failure;
    }

    private long percent() {
        return startTotal == 0 ? 100 : (startTotal - remaining) * 100 / startTotal;
    }

    private long remainingFrom(Map<TopicPartition, Long> positions) {
        long left = 0;
        for (var entry : target.entrySet()) {
            left += Math.max(0, entry.getValue() - positions.getOrDefault(entry.getKey(), 0L));
        }
        return left;
    }
}
