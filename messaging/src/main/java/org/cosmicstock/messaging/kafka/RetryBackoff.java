package org.cosmicstock.messaging.kafka;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, without a limit on attempts: a transient failure is
 * retried for as long as it lasts.
 */
public record RetryBackoff(Duration initial, double multiplier, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1) {
            throw new IllegalArgumentException(
                    "retry backoff needs 0 < initial <= max and multiplier >= 1, was " + this);
        }
    }

    /** The pause before attempt {@code failures + 1}, after {@code failures} failed ones (1 or more). */
    public Duration after(int failures) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.min(failures - 1, 30));
        long capped = (long) Math.min(millis, max.toMillis());
        // Up to 20% less, so that partitions failing together do not retry in lockstep.
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, capped - jitter));
    }
}
