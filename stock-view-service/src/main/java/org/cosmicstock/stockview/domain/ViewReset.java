package org.cosmicstock.stockview.domain;

/**
 * The view was dropped by someone else (another replica sharing it rebuilds it) since this reader
 * read its positions: applying on would write events on top of a view that lacks their
 * predecessors, so the reader must read the positions again and resume from them.
 */
public final class ViewReset extends RuntimeException {

    public ViewReset(String message) {
        super(message);
    }
}
