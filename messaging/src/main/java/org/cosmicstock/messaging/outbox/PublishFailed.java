package org.cosmicstock.messaging.outbox;

import org.cosmicstock.messaging.kafka.DeadLetters;

/** A round of the relay stopped at a row the broker did not take; the rows before it were published. */
public final class PublishFailed extends RuntimeException {

    PublishFailed(int published, OutboxRow row, Throwable cause) {
        super(
                "published " + published + " row(s), then outbox row " + row.id() + " (" + row.simpleType() + " to "
                        + row.topic() + ") failed: " + DeadLetters.reason(cause),
                cause);
    }
}
