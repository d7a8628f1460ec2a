package org.cosmicstock.stockview.adapters.kafka;

import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether dead-lettering keeps failing for a transient reason (the broker away or slow). The reader
 * never skips a record over such a failure, so it retries; but a replica stuck on one for longer
 * than the patience it is given stops reporting ready, with the reason, and every failed attempt is
 * counted ({@code projection_dead_letter_failures_total}). A dead letter refused for good (too large
 * even truncated, a topic that refuses writes) is not a failed attempt here: the shared {@code
 * DeadLetterProducer} gives it up and counts it in {@code dead_letter_failures_total{topic}}.
 */
public final class DeadLetterTrouble {

    private final Clock clock;
    private final Duration patience;
    private final Counter failures;
    private volatile Instant failingSince;
    private volatile String lastError;

    public DeadLetterTrouble(Clock clock, Duration patience, Counter failures) {
        this.clock = clock;
        this.patience = patience;
        this.failures = failures;
    }

    void failed(String record, Exception e) {
        failures.increment();
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        lastError = record + ": " + e;
    }

    void written() {
        failingSince = null;
        lastError = null;
    }

    /** Why the replica must not report ready (dead-lettering has failed for longer than the patience), or null. */
    public String stuck() {
        Instant since = failingSince;
        if (since == null) {
            return null;
        }
        Duration failing = Duration.between(since, clock.instant());
        if (failing.compareTo(patience) < 0) {
            return null;
        }
        return "could not write a dead letter for " + failing.toSeconds() + " s (patience " + patience.toSeconds()
                + " s); still retrying " + lastError;
    }
}
