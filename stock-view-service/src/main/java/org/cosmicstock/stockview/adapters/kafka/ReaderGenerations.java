package org.cosmicstock.stockview.adapters.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.stockview.domain.Generation;
import org.cosmicstock.stockview.domain.StockView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which generation of the view the reader writes into, and what it is doing there: resuming the one
 * it wrote before, filling a new one beside the served one on request, or rebuilding a new one after
 * the store lost the view; then having it served once it caught up with the topic.
 */
final class ReaderGenerations {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationEventsReader.class);

    private final StockView view;
    private final ReplayProgress progress;
    private final String topic;
    private volatile boolean rebuildRequested;
    private boolean recoveryNeeded;
    private ReaderState buildMode = ReaderState.REPLAYING;

    ReaderGenerations(StockView view, ReplayProgress progress, String topic) {
        this.view = view;
        this.progress = progress;
        this.topic = topic;
    }

    /** A new generation is to be built beside the served one (from any thread). */
    void requestRebuild() {
        LOG.info("Rebuild of the view requested: a new generation will be filled from the beginning of {}", topic);
        rebuildRequested = true;
    }

    boolean rebuildRequested() {
        return rebuildRequested;
    }

    /** The store lost the view: the next generation attached is rebuilt from the beginning. */
    void lost() {
        recoveryNeeded = true;
    }

    ReaderState buildMode() {
        return buildMode;
    }

    /** The generation to write into now, as the requests and losses so far say. */
    Generation attach() {
        Generation generation;
        if (recoveryNeeded) {
            generation = view.recover();
            recoveryNeeded = false;
            buildMode = ReaderState.RECOVERING;
            LOG.warn("Rebuilding the lost view into generation {} from the beginning of {}", generation.id(), topic);
        } else if (rebuildRequested) {
            buildMode = progress.state().serving() ? ReaderState.REBUILDING : ReaderState.REPLAYING;
            generation = view.rebuild();
            rebuildRequested = false;
            LOG.info("Filling generation {} from the beginning of {} beside the served one", generation.id(), topic);
        } else {
            generation = view.resume();
            if (generation.served() && buildMode != ReaderState.RECOVERING) {
                buildMode = ReaderState.REPLAYING;
            }
        }
        return generation;
    }

    /**
     * Serves the generation being built once it holds everything the topic holds now ({@code ends}),
     * not only what it held at its start.
     */
    void promoteIfCaughtUp(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        if (!ReplayProgress.readUpTo(positions, ends)) {
            progress.extend(ends, positions);
            return;
        }
        view.promote();
        progress.promoted();
        buildMode = ReaderState.REPLAYING;
    }
}
