package org.cosmicstock.messaging.outbox;

import java.time.Duration;

/**
 * How the relay runs: rows per batch, the fallback poll interval (commits wake it sooner), the send
 * timeout, the longest pause after failures, and how long published rows are kept before removal.
 */
public record OutboxRelaySettings(
        int batchSize,
        Duration pollInterval,
        Duration sendTimeout,
        Duration maxBackoff,
        Duration retention,
        Duration cleanupInterval) {

    public OutboxRelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("outbox relay batch size must be at least 1, was " + batchSize);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("outbox relay poll interval must be positive, was " + pollInterval);
        }
    }

    public static OutboxRelaySettings defaults() {
        return new OutboxRelaySettings(
                500,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofDays(7),
                Duration.ofMinutes(10));
    }
}
