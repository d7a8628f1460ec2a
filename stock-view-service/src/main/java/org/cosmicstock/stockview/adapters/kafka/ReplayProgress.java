package org.cosmicstock.stockview.adapters.kafka;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the replay has got towards the end of the topic as it was when the reader (re)started;
 * logs progress as it goes. A requested rebuild counts as not caught up from the moment it is asked
 * for, not from the moment the reader gets to it.
 */
public final class ReplayProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayProgress.class);
    private static final long LOG_EVERY_MS = 2_000;

    private volatile Map<TopicPartition, Long> target = Map.of();
    private volatile Map<Integer, Long> read = Map.of();
    private volatile long startTotal;
    private volatile long remaining = -1;
    private volatile boolean restarting;
    private volatile Throwable failure;
    private volatile long starts;
    private long lastLog;

    synchronized void restarting() {
        restarting = true;
    }

    synchronized void start(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> positions) {
        this.target = Map.copyOf(endOffsets);
        this.startTotal = remainingFrom(positions);
        this.remaining = startTotal;
        this.read = byPartition(positions);
        this.restarting = false;
        this.failure = null;
        this.starts++;
        LOG.info("Replaying {} events from {} partitions into the view", startTotal, endOffsets.size());
    }

    synchronized void advance(Map<TopicPartition, Long> positions) {
        boolean wasCatchingUp = remaining > 0;
        remaining = remainingFrom(positions);
        read = byPartition(positions);
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
        return remaining == 0 && !restarting && failure == null;
    }

    /** Events left to replay, or -1 before the reader has (re)started. */
    public long remaining() {
        return restarting ? -1 : remaining;
    }

    public long total() {
        return startTotal;
    }

    public Throwable failure() {
        return failure;
    }

    /** How often the reader has (re)started from the view's positions: at start, after a rebuild, after a failure. */
    public long starts() {
        return starts;
    }

    /** Per partition, the offset of the next record the reader will read: every record before it is handled. */
    public Map<Integer, Long> read() {
        return read;
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

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> positions) {
        Map<Integer, Long> byPartition = new TreeMap<>();
        positions.forEach((partition, offset) -> byPartition.put(partition.partition(), offset));
        return Collections.unmodifiableMap(byPartition);
    }
}
