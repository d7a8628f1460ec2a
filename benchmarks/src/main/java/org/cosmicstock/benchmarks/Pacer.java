package org.cosmicstock.benchmarks;

/**
 * How many commands a phase should have sent by now at a capped rate. It counts from the start of
 * the phase rather than from the last send, so a pause (a full backlog, a slow send) is caught up
 * afterwards and the offered rate stays what was asked for.
 */
final class Pacer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int rate;

    /** @param rate commands per second; 0 for unbounded */
    Pacer(int rate) {
        if (rate < 0 || rate > LoadSettings.MAX_RATE) {
            throw new IllegalArgumentException("rate must be 0 (unbounded) or 1.." + LoadSettings.MAX_RATE);
        }
        this.rate = rate;
    }

    /** Commands due by {@code elapsedNanos} after the phase started: the first one at once. */
    long dueBy(long elapsedNanos) {
        if (rate == 0) {
            return Long.MAX_VALUE;
        }
        // elapsed * rate stays below Long.MAX_VALUE for runs of up to about 100 days at the highest rate.
        return Math.max(0, elapsedNanos) * rate / NANOS_PER_SECOND + 1;
    }

    /** Nanoseconds from {@code elapsedNanos} until command number {@code sent} (0-based) is due; 0 if it is. */
    long nanosUntil(long sent, long elapsedNanos) {
        if (rate == 0) {
            return 0;
        }
        long dueAt = (sent * NANOS_PER_SECOND + rate - 1) / rate;
        return Math.max(0, dueAt - elapsedNanos);
    }
}
