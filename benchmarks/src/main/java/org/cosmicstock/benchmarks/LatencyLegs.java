package org.cosmicstock.benchmarks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a measured line's time went, in three legs, from the times its first outcome carries:
 * <ol>
 *   <li><b>to outbox</b>: from the send until allocation-service wrote the event to its outbox
 *       ({@code ce_time}, taken inside the consuming transaction): the command's way through the
 *       producer, the broker and the consumer, and the unit of work up to the outbox write;
 *   <li><b>to broker</b>: from the outbox write until the relay sent the event (the record's
 *       {@code CreateTime}): the commit, the relay's wake-up and its read of the outbox;
 *   <li><b>to reader</b>: from the relay's send until this tool read the event: the producer's
 *       linger, the broker, the fetch.
 * </ol>
 * The legs compare wall-clock times of processes on one machine (millisecond precision for the
 * second); they are meant for a run where the suite and this tool share a clock.
 */
final class LatencyLegs {

    private final long wallAnchorMicros;
    private final long nanoAnchor;
    private final Latencies toOutbox = new Latencies();
    private final Latencies toBroker = new Latencies();
    private final Latencies toReader = new Latencies();

    LatencyLegs() {
        this(micros(Instant.now()), System.nanoTime());
    }

    /** {@code System.nanoTime()} {@code nanoAnchor} was wall-clock {@code wallAnchorMicros}. */
    LatencyLegs(long wallAnchorMicros, long nanoAnchor) {
        this.wallAnchorMicros = wallAnchorMicros;
        this.nanoAnchor = nanoAnchor;
    }

    /** Epoch microseconds of {@code instant}. */
    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /**
     * @param sentAtNanos when the command was sent ({@code System.nanoTime()})
     * @param writtenAtMicros the event's {@code ce_time}, epoch microseconds
     * @param publishedAtMillis the record's CreateTime, epoch milliseconds
     * @param readAtNanos when this tool read it ({@code System.nanoTime()})
     */
    void add(long sentAtNanos, long writtenAtMicros, long publishedAtMillis, long readAtNanos) {
        long sent = wallMicros(sentAtNanos);
        long read = wallMicros(readAtNanos);
        long published = publishedAtMillis * 1_000L;
        toOutbox.add(Math.max(0, writtenAtMicros - sent) * 1_000L);
        toBroker.add(Math.max(0, published - writtenAtMicros) * 1_000L);
        toReader.add(Math.max(0, read - published) * 1_000L);
    }

    int count() {
        return toOutbox.count();
    }

    private long wallMicros(long nanos) {
        return wallAnchorMicros + (nanos - nanoAnchor) / 1_000L;
    }

    /** One line: p50 / p99 of each leg. */
    String describe() {
        // A summary sorts every latency of its leg: once per leg.
        var outbox = toOutbox.summary();
        var broker = toBroker.summary();
        var reader = toReader.summary();
        return String.format(
                "to outbox p50 %.1f p99 %.1f ms | to broker p50 %.1f p99 %.1f ms | to reader p50 %.1f p99 %.1f ms",
                outbox.p50Ms(), outbox.p99Ms(), broker.p50Ms(), broker.p99Ms(), reader.p50Ms(), reader.p99Ms());
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("toOutbox", RunReport.latency(toOutbox.summary()));
        map.put("toBroker", RunReport.latency(toBroker.summary()));
        map.put("toReader", RunReport.latency(toReader.summary()));
        return map;
    }
}
