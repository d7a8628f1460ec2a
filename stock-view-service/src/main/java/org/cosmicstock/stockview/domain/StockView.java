package org.cosmicstock.stockview.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read model's port: per-SKU stock in generations. Queries read the served generation; the
 * reader writes into one generation (the served one, or a new one it is building beside it) whole
 * batches of events, each stored atomically with the offset it came from, so that a replayed event
 * is skipped. Every method but {@link #find} is the reader's, called from its one thread.
 */
public interface StockView {

    /** The SKU as the served generation holds it; empty if unknown or if no generation is served yet. */
    Optional<SkuStock> find(String sku);

    /**
     * Attaches the reader: keeps the generation it writes into if that is still there, else takes the
     * served one, else joins the one being built, else starts one.
     *
     * @throws ViewLost if the generation this reader wrote into lost what it had applied
     */
    Generation resume();

    /** Starts a new, empty generation beside the served one; the reader writes into it from now on. */
    Generation rebuild();

    /**
     * After {@link ViewLost}: stops serving the lost generation and has the reader write into a new
     * one (the one another reader already builds, if any), so that replicas recover together.
     */
    Generation recover();

    /**
     * Applies the batch, in order, to the reader's generation, skipping per partition the offsets it
     * already holds (applied before, here or by another replica sharing the view).
     *
     * @return the events applied, in order
     * @throws ViewReset if the reader's generation was superseded
     * @throws ViewLost if the store lost what this reader had applied
     */
    List<PositionedEvent> apply(List<PositionedEvent> batch);

    /**
     * Checks, while no events arrive, what {@link #apply} checks before writing: that the reader's
     * generation is still there and holds what this reader applied.
     *
     * @throws ViewReset if the reader's generation was superseded
     * @throws ViewLost if the store lost what this reader had applied
     */
    void check();

    /**
     * Serves the reader's generation from now on (it has caught up); older generations are deleted.
     *
     * @throws ViewReset if another generation took its place meanwhile
     */
    void promote();

    /** The served generation's positions (empty if none is served): for operators, not for resuming. */
    Map<Integer, Long> positions();

    /**
     * Whether {@link #find} returns the very object the view holds until the SKU changes, so that
     * answers derived from it may be kept and compared by identity (true for a view in memory).
     */
    default boolean keepsSnapshots() {
        return false;
    }
}
