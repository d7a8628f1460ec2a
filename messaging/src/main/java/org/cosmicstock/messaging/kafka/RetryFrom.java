package org.cosmicstock.messaging.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions whose records were handled up to a record that may succeed later but not now (a schema
 * id not registered yet, a batch not created yet): each waits and is delivered again from that
 * record, not from the first of the batch. The batch's other partitions are done. Transient, like
 * any other failure of a batch.
 */
public final class RetryFrom extends RuntimeException {

    private final transient Map<TopicPartition, Long> offsets;

    /** @param offsets the record each waiting partition comes again from */
    public RetryFrom(Map<TopicPartition, Long> offsets, Throwable cause) {
        super("not yet: " + offsets + ": " + DeadLetters.reason(cause), cause);
        this.offsets = Map.copyOf(offsets);
    }

    /** The record each waiting partition comes again from. */
    public Map<TopicPartition, Long> offsets() {
        return offsets;
    }
}
