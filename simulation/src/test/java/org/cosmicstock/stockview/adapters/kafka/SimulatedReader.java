package org.cosmicstock.stockview.adapters.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The simulation's way into {@link RecordProjection#project}, which is the stock-view reader's own
 * business (package-private): it stands where {@code AllocationEventsReader} calls it, one poll's
 * records of one partition at a time, never stopping.
 */
public final class SimulatedReader {

    private SimulatedReader() {}

    public static void project(RecordProjection projection, List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException {
        projection.project(records, () -> false);
    }
}
