package org.cosmicstock.messaging.outbox;

import java.time.Instant;

/** An outbox row set aside after failing repeatedly, waiting for an operator to re-queue it. */
public record ParkedRow(
        long id, String topic, String key, String type, int attempts, String lastError, Instant parkedAt) {}
