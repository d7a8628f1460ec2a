package org.cosmicstock.benchmarks;

import java.util.Arrays;

/** Every latency of a phase, kept whole so that the percentiles are exact rather than estimated. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    int count() {
        return count;
    }

    /** Nearest-rank percentiles in milliseconds; all zero when nothing was recorded. */
    LatencySummary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new LatencySummary(
                count, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    /** The smallest value with at least {@code quantile} of all values at or below it. */
    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    record LatencySummary(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}
}
