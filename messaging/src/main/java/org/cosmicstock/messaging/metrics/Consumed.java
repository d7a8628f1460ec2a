package org.cosmicstock.messaging.metrics;

import java.util.Locale;

/** What a consumer records for a record it finished with: the {@code outcome} label of {@code messages_consumed_total}. */
public enum Consumed {
    /** Applied. */
    PROCESSED,
    /** Applied before (the inbox said so): nothing changed. */
    DUPLICATE,
    /** Valid, but there was nothing to do, or not a message this consumer acts on. */
    SKIPPED,
    /** Can never be applied (undecodable, breaking the contract): dead-lettered at once. */
    INVALID,
    /**
     * Dead-lettered after retries. Kept at zero: a valid message is retried for as long as its failure
     * lasts and never dead-lettered for it; the label stays for dashboards and alerts that name it.
     */
    DEAD_LETTERED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
