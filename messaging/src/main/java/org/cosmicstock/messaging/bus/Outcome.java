package org.cosmicstock.messaging.bus;

/** What became of a message; also the {@code outcome} label of {@code messages_consumed_total}. */
public enum Outcome {
    /** Applied. */
    PROCESSED,
    /** Already applied before: nothing changed. */
    DUPLICATE,
    /** Valid, but there was nothing to do (for example a batch that already exists). */
    SKIPPED,
    /** Can never be applied: rejected and dead-lettered at once. */
    INVALID,
    /** Kept failing after retries: dead-lettered. */
    DEAD_LETTERED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
