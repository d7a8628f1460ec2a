package org.cosmicstock.messaging.bus;

/**
 * A message that can never succeed, however often it is retried (invalid fields, an unknown SKU).
 * Consumers dead-letter it with this message as the reason: at once, or after a bounded time when it
 * {@linkplain #mayPassLater() may pass later}.
 */
public class MessageRejected extends RuntimeException {

    public MessageRejected(String message) {
        super(message);
    }

    /**
     * Whether the message may succeed a moment later though not now, because what it refers to may
     * still be on its way (a batch whose {@code CreateBatch} travels on another partition): such a
     * message is retried for a bounded time before it is dead-lettered.
     */
    public boolean mayPassLater() {
        return false;
    }
}
