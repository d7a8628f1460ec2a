package org.cosmicstock.messaging.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter and no limit on attempts: the pause before attempt
 * {@code n + 1} is {@code initial * multiplier^(n-1)}, at most {@code max}, plus up to {@code jitter}
 * (so that things failing together do not retry in lockstep).
 */
public record Backoff(Duration initial, double multiplier, Duration max, Duration jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("a back-off needs 0 < initial <= max and multiplier >= 1, was initial "
                    + initial + ", multiplier " + multiplier + ", max " + max);
        }
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("a back-off's jitter cannot be negative, was " + jitter);
        }
    }

    /** How long to wait after the {@code attempt}th failed attempt (1 for the first). */
    public Duration after(int attempt) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        long capped = (long) Math.min(max.toMillis(), millis);
        long extra = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1);
        return Duration.ofMillis(capped + extra);
    }
}
