package org.cosmicstock.messaging.bus;

/**
 * Another transaction committed the aggregate first (optimistic concurrency on its version). The
 * unit of work rolls back; retrying the message starts again from the new version.
 */
public class StaleAggregate extends RuntimeException {

    public StaleAggregate(String aggregate, long expectedVersion) {
        super(aggregate + " was changed concurrently (expected version " + expectedVersion + ")");
    }
}
