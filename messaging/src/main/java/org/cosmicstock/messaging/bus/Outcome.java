package org.cosmicstock.messaging.bus;

import java.util.Locale;

/**
 * What became of a message: what its handler says it did (PROCESSED or SKIPPED), what the bus says
 * (DUPLICATE, INVALID when rejected), and what the consumer records, the {@code outcome} label of
 * {@code messages_consumed_total}.
 */
public enum Outcome {
    /** Applied: something changed. */
    PROCESSED,
    /** Applied before (the inbox said so): nothing changed. */
    DUPLICATE,
    /** Valid, but there was nothing to do (a batch that already exists), or not a message this consumer acts on. */
    SKIPPED,
    /** Can never be applied (undecodable, breaking the contract, rejected by its handler): dead-lettered at once. */
    INVALID,
    /**
     * Dead-lettered after retries. Kept at zero: a valid message is retried for as long as its failure
     * lasts and never dead-lettered for it; the label stays for dashboards and alerts that name it.
     */
    DEAD_LETTERED;

    /** The metric label: the name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
