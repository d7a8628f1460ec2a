package org.cosmicstock.messaging.bus;

/** What a handler says it did with a message. What the consumer records is its own business. */
public enum Outcome {
    /** Applied: something changed. */
    PROCESSED,
    /** Valid, but there was nothing to do (for example a batch that already exists). */
    SKIPPED
}
