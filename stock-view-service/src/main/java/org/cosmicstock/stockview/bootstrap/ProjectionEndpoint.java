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
 * {@code POST /actuator/projection} drops the view and replays it from the beginning of the topic
 * (for a view that went wrong, or whose stored format changed). Readiness is down until it is done.
 */
@Endpoint(id = "projection")
final class ProjectionEndpoint {

    private final AllocationEventsReader reader;
    private final StockView view;
    private final String cache;

    ProjectionEndpoint(AllocationEventsReader reader, StockView view, String cache) {
        this.reader = reader;
        this.view = view;
        this.cache = cache;
    }

    @ReadOperation
    public ProjectionStatus status() {
        ReplayProgress progress = reader.progress();
        Map<Integer, Long> applied;
        try {
            applied = view.positions();
        } catch (ViewUnavailable e) {
            applied = Map.of();
        }
        return new ProjectionStatus(
                cache,
                reader.topic(),
                state(progress),
                progress.starts(),
                progress.total(),
                Math.max(0, progress.remaining()),
                applied,
                progress.read(),
                progress.failure() == null ? null : progress.failure().toString());
    }

    /** Returns at once; the reader drops the view and replays on its own thread. */
    @WriteOperation
    public ProjectionStatus rebuild() {
        reader.rebuild();
        return status();
    }

    private static String state(ReplayProgress progress) {
        if (progress.failure() != null) {
            return "failing";
        }
        if (progress.remaining() < 0) {
            return "starting";
        }
        return progress.caughtUp() ? "caught-up" : "replaying";
    }

    /**
     * @param starts how often the reader has (re)started: at start-up, per rebuild, after failures
     * @param eventsToReplay records between where the reader last (re)started and the end of the topic then
     * @param applied per partition, the offset of the last event the view applied
     * @param read per partition, the offset of the next record the reader will read
     */
    public record ProjectionStatus(
            String cache,
            String topic,
            String state,
            long starts,
            long eventsToReplay,
            long remaining,
            Map<Integer, Long> applied,
            Map<Integer, Long> read,
            String error) {}
}
