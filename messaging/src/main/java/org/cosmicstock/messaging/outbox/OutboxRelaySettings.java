package org.cosmicstock.messaging.outbox;

import java.time.Duration;

/**
 * How the relay runs.
 *
 * @param batchSize rows read and sent per round
 * @param pollInterval the fallback poll (a commit wakes the relay at once)
 * @param sendTimeout how long a round waits for the broker's acknowledgements
 * @param maxBackoff the longest pause between rounds after failures
 * @param maxAttempts failed attempts after which a row that fails for a reason of its own is parked
 * @param retention how long published rows are kept before removal
 * @param cleanupInterval how often published rows older than the retention are removed
 */
public record OutboxRelaySettings(
        int batchSize,
        Duration pollInterval,
        Duration sendTimeout,
        Duration maxBackoff,
        int maxAttempts,
        Duration retention,
        Duration cleanupInterval) {

    public OutboxRelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("outbox relay batch size must be at least 1, was " + batchSize);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("outbox relay poll interval must be positive, was " + pollInterval);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("outbox max attempts must be at least 1, was " + maxAttempts);
        }
    }

    public static OutboxRelaySettings defaults() {
        return new OutboxRelaySettings(
                500,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                5,
                Duration.ofHours(1),
                Duration.ofMinutes(1));
    }
}
