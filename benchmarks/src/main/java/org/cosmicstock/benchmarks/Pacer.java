package org.cosmicstock.benchmarks;

import java.time.Duration;

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

    /**
     * How long to wait for events before command number {@code sent} (0-based) is due, at most
     * {@code cap}: whole milliseconds, rounded up. The consumer's poll counts in milliseconds and
     * returns at once for less, so a wait of a fraction of one made the send loop spin a core until
     * the command was due (0.46 cores of the machine at 500/s, 0.85-0.95 at 1,000/s, measured with the
     * suite on the same two cores). Sending up to a millisecond late is caught up by {@link #dueBy}.
     */
    Duration wait(long sent, long elapsedNanos, Duration cap) {
        long nanos = nanosUntil(sent, elapsedNanos);
        long millis = (nanos + 999_999) / 1_000_000;
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
