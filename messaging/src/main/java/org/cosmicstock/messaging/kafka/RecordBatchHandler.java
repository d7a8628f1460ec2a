package org.cosmicstock.messaging.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Handles the records one poll returned, every partition's in order. Returns when every record is
 * done with (applied, skipped, a duplicate, or dead-lettered): the container then commits past them.
 * Throws when they must be tried again later (a transient failure): their partitions are sought
 * back, paused for a back-off and delivered again; the inbox turns what was applied into duplicates.
 * A {@link RetryFrom} names the partitions that wait, and from which record: the others are done.
 */
@FunctionalInterface
public interface RecordBatchHandler {

    /**
     * @param failingFor how long the record at an offset of a partition has been failing (zero on a
     *     first delivery): what may succeed later is given a bounded time before it is dead-lettered
     */
    void handle(List<ConsumerRecord<String, byte[]>> records, FailingFor failingFor) throws Exception;

    /** Records all delivered for the first time, or all failing for the same time (tests, the simulation). */
    default void handle(List<ConsumerRecord<String, byte[]>> records, Duration failingFor) throws Exception {
        handle(records, (partition, offset) -> failingFor);
    }

    /** How long the record at {@code offset} of {@code partition} has been failing. */
    @FunctionalInterface
    interface FailingFor {
        Duration of(TopicPartition partition, long offset);
    }
}
