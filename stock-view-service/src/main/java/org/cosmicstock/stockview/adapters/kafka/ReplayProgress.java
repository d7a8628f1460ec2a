package org.cosmicstock.stockview.adapters.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reader is doing and how far it has got: towards the end of the topic as it was when it
 * (re)started, into which generation, and whether anything keeps it from serving (a hole in the
 * topic, a lost view, failures). Written by the reader's thread, read by
 * health checks, the status endpoint and metrics.
 */
public final class ReplayProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayProgress.class);
    private static final long LOG_EVERY_MS = 2_000;

    private final Clock clock;
    private volatile ReaderState state = ReaderState.STARTING;
    private volatile String reason;
    private volatile Throwable failure;
    private volatile ReaderState replayState = ReaderState.REPLAYING;
    private volatile boolean targetServed;
    private volatile String generation;
    private volatile Map<TopicPartition, Long> target = Map.of();
    private volatile Map<Integer, Long> read = Map.of();
    private volatile long startTotal;
    private volatile long remaining = -1;
    private volatile long starts;
    private volatile Instant confirmedAt;
    private volatile long losses;
    private long lastLog;

    public ReplayProgress(Clock clock) {
        this.clock = clock;
    }

    /**
     * The reader (re)started reading into {@code generationId} from {@code positions}.
     *
     * @param mode {@link ReaderState#REPLAYING}, {@link ReaderState#REBUILDING} or {@link ReaderState#RECOVERING}:
     *     what it is until its generation is served and caught up
     */
    synchronized void start(
            String generationId,
            boolean served,
            ReaderState mode,
            Map<TopicPartition, Long> endOffsets,
            Map<TopicPartition, Long> positions) {
        this.generation = generationId;
        this.targetServed = served;
        this.replayState = mode;
        this.target = Map.copyOf(endOffsets);
        this.startTotal = remainingFrom(positions);
        this.remaining = startTotal;
        this.read = byPartition(positions);
        this.failure = null;
        this.reason = null;
        this.state = mode;
        this.starts++;
        settle();
        LOG.info(
                "Reading {} events from {} partitions into generation {} of the view ({})",
                startTotal,
                endOffsets.size(),
                generationId,
                served ? "served" : "not served yet");
    }

    synchronized void advance(Map<TopicPartition, Long> positions) {
        boolean wasCatchingUp = remaining > 0;
        remaining = remainingFrom(positions);
        read = byPartition(positions);
        long now = System.currentTimeMillis();
        if (wasCatchingUp && remaining == 0) {
            LOG.info("Generation {} caught up: {} events read", generation, startTotal);
        } else if (remaining > 0 && now - lastLog >= LOG_EVERY_MS) {
            lastLog = now;
            LOG.info("Replaying: {}/{} events ({}%)", startTotal - remaining, startTotal, percent());
        }
        settle();
    }

    /** The end of the topic moved on while the generation being built caught up: read on to the new end. */
    synchronized void extend(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> positions) {
        target = Map.copyOf(endOffsets);
        long more = remainingFrom(positions);
        startTotal += more;
        remaining = more;
        settle();
    }

    synchronized void promoted() {
        targetServed = true;
        LOG.info("Generation {} is served from now on", generation);
        settle();
    }

    synchronized void refuse(String why) {
        reason = why;
        state = ReaderState.REFUSING;
    }

    synchronized void fail(Throwable e) {
        failure = e;
        reason = e.toString();
        state = ReaderState.FAILING;
    }

    synchronized void lost(String why) {
        losses++;
        reason = why;
        replayState = ReaderState.RECOVERING;
        state = ReaderState.RECOVERING;
    }

    /** The reader has read everything the topic held at {@code moment}, as the broker reported its end then. */
    void confirmCompleteAsOf(Instant moment) {
        Instant previous = confirmedAt;
        if (previous == null || moment.isAfter(previous)) {
            confirmedAt = moment;
        }
    }

    private void settle() {
        if (failure != null || state == ReaderState.REFUSING) {
            return;
        }
        if (targetServed && remaining == 0) {
            state = ReaderState.CAUGHT_UP;
            replayState = ReaderState.REPLAYING;
            reason = null;
        } else if (targetServed) {
            state = replayState == ReaderState.RECOVERING ? ReaderState.RECOVERING : ReaderState.REPLAYING;
        } else {
            state = replayState;
        }
    }

    public ReaderState state() {
        return state;
    }

    /** Why the reader is not serving (refusing, recovering, failing), or null. */
    public String reason() {
        return reason;
    }

    /**
     * Seconds since the latest moment of which the reader knows (from the broker's end offsets) that
     * the view held every event the topic had; grows while the broker is away or the reader falls behind.
     */
    public double stalenessSeconds() {
        Instant at = confirmedAt;
        return at == null ? Double.NaN : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }

    /** Whether the generation the reader writes into is the one queries are answered from. */
    boolean targetServed() {
        return targetServed;
    }

    /** What the reader is doing apart from serving: replaying, rebuilding or recovering. */
    ReaderState replayState() {
        return replayState;
    }

    /** How often the reader found that the store had lost the view. */
    public long losses() {
        return losses;
    }

    public String generation() {
        return generation;
    }

    /** Events left to read up to the end the reader aims at, or -1 before it has (re)started. */
    public long remaining() {
        return remaining;
    }

    public long total() {
        return startTotal;
    }

    public Throwable failure() {
        return failure;
    }

    /** How often the reader has (re)started: at start-up, per rebuild, after failures and switches. */
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

    /** Whether the reader's positions have reached {@code ends} on every partition. */
    static boolean readUpTo(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }
}
