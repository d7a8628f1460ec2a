package org.cosmicstock.messaging.bus;

/** An event handler failed after the command that raised the event had committed. */
public class EventHandlingFailed extends RuntimeException {

    public EventHandlingFailed(RaisedEvent event, Throwable cause) {
        super(
                "Handling " + event.event().getClass().getSimpleName() + " (message "
                        + event.context().messageId() + ") failed: " + cause.getMessage(),
                cause);
    }
}
