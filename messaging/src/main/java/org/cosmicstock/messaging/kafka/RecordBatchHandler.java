package org.cosmicstock.messaging.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles the records one poll returned for one partition, in order. Returns when every record is
 * done with (applied, skipped, a duplicate, or dead-lettered): the container then commits past them.
 * Throws when they must be tried again later (a transient failure): the partition is sought back,
 * paused for a back-off and delivered again; the inbox turns what was applied into duplicates.
 */
@FunctionalInterface
public interface RecordBatchHandler {

    /**
     * @param failingFor how long the first of {@code records} has been failing (zero on a first
     *     delivery): what may succeed later is given a bounded time before it is dead-lettered
     */
    void handle(List<ConsumerRecord<String, byte[]>> records, Duration failingFor) throws Exception;
}
