package org.cosmicstock.messaging.bus;

/**
 * A message that can never succeed, however often it is retried (invalid fields, an unknown SKU).
 * Consumers dead-letter it at once with this message as the reason.
 */
public class MessageRejected extends RuntimeException {

    public MessageRejected(String message) {
        super(message);
    }
}
