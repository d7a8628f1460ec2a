package org.cosmicstock.stockview.domain;

/**
 * The store no longer holds what this reader applied to it (emptied by a restart or a flush, keys
 * evicted, the generation pointer or the positions gone or moved back). Applying on would put new
 * events on top of a hole, so the reader stops, goes not ready, and rebuilds into a new generation.
 */
public final class ViewLost extends RuntimeException {

    public ViewLost(String message) {
        super(message);
    }
}
