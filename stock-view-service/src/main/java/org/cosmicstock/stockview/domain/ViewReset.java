package org.cosmicstock.stockview.domain;

/**
 * The generation this reader writes into was superseded by someone else (another replica sharing the
 * view switched to a rebuilt generation, or started a newer rebuild): applying on would write into a
 * generation nobody will serve, so the reader must resume from the view's current state.
 */
public final class ViewReset extends RuntimeException {

    public ViewReset(String message) {
        super(message);
    }
}
