package org.cosmicstock.messaging.jdbc;

/** A database error while handling a message; transient unless proven otherwise, so it is retried. */
public class PersistenceFailure extends RuntimeException {

    public PersistenceFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
