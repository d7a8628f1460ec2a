package org.cosmicstock.stockview.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The read model's port: per-SKU stock, and per partition of the events topic the offset of the last
 * event applied, stored atomically with the change it made so that a replayed event is skipped.
 */
public interface StockView {

    Optional<SkuStock> find(String sku);

    /**
     * Applies the event at {@code offset} of {@code partition}; false (and no change) if it was applied before.
     *
     * @throws ViewReset if a view shared with other replicas was dropped since this one read {@link #positions()}
     */
    boolean apply(int partition, long offset, StockEvent event, Instant eventTime);

    /**
     * The offset of the last applied event per partition: where a reader (re)starts. Applies that
     * follow continue from these positions.
     */
    Map<Integer, Long> positions();

    /** Forgets everything, so the view can be rebuilt from the beginning of the topic. */
    void clear();
}
