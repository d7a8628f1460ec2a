package org.cosmicstock.stockview.bootstrap;

import java.util.Map;
import org.cosmicstock.stockview.adapters.kafka.AllocationEventsReader;
import org.cosmicstock.stockview.adapters.kafka.ReplayProgress;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's handle on the projection: {@code GET /actuator/projection} tells how far it is,
 * {@code POST /actuator/projection} fills a new generation of the view from the beginning of the
 * topic beside the served one, which keeps answering until the new one has caught up (for a view
 * that went wrong, or whose stored format changed).
 */
@Endpoint(id = "projection")
record ProjectionEndpoint(AllocationEventsReader reader, StockView view, String cache) {

    @ReadOperation
    public ProjectionStatus status() {
        ReplayProgress progress = reader.progress();
        Map<Integer, Long> applied;
        try {
            applied = view.positions();
        } catch (ViewUnavailable e) {
            applied = Map.of();
        }
        String stuck = reader.deadLetterTrouble().stuck();
        return new ProjectionStatus(
                cache,
                reader.topic(),
                progress.state().label(),
                progress.generation(),
                progress.starts(),
                progress.total(),
                Math.max(0, progress.remaining()),
                applied,
                progress.read(),
                stuck != null ? stuck : progress.reason());
    }

    /** Returns at once; the reader fills the new generation on its own thread. */
    @WriteOperation
    public ProjectionStatus rebuild() {
        reader.rebuild();
        return status();
    }

    /**
     * @param state {@code starting}, {@code replaying}, {@code caught-up}, {@code rebuilding},
     *     {@code recovering}, {@code refusing} or {@code failing}
     * @param generation the generation the reader writes into (the served one unless it builds a new one)
     * @param starts how often the reader has (re)started: at start-up, per rebuild, after failures and switches
     * @param eventsToReplay records between where the reader last (re)started and the end of the topic then
     * @param applied per partition, the offset of the last event the served generation applied
     * @param read per partition, the offset of the next record the reader will read
     * @param reason why the replica is not ready, when it is down
     */
    public record ProjectionStatus(
            String cache,
            String topic,
            String state,
            String generation,
            long starts,
            long eventsToReplay,
            long remaining,
            Map<Integer, Long> applied,
            Map<Integer, Long> read,
            String reason) {}
}
