package org.cosmicstock.messaging.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * A partition's records were handled up to a record that may succeed later but not now (a schema
 * id not registered yet, a batch not created yet): the partition waits and is delivered again from
 * that record, not from the first of the batch. Transient, like any other failure of a batch.
 */
public final class RetryFrom extends RuntimeException {

    private final transient TopicPartition partition;
    private final long offset;

    public RetryFrom(TopicPartition partition, long offset, Throwable cause) {
        super("not yet: " + partition + "@" + offset + ": " + DeadLetters.reason(cause), cause);
        this.partition = partition;
        this.offset = offset;
    }

    public TopicPartition partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }
}
