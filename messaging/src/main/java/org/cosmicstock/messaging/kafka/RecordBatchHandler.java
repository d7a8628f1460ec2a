package org.cosmicstock.messaging.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles the records one poll returned for one partition, in order. Returns when every record is
 * done with (applied, skipped, a duplicate, or dead-lettered): the consumer then commits past them.
 * Throws when they must be tried again later (a transient failure): the consumer pauses the
 * partition, backs off and delivers them again; the inbox turns what was applied into duplicates.
 */
@FunctionalInterface
public interface RecordBatchHandler {

    void handle(List<ConsumerRecord<String, byte[]>> records) throws Exception;
}
