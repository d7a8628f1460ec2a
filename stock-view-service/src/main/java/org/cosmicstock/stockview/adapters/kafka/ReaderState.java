package org.cosmicstock.stockview.adapters.kafka;

import java.util.Locale;

/** Where the reader of the events topic stands; whether the replica may take queries follows from it. */
public enum ReaderState {
    /** Not attached to the topic and the view yet. */
    STARTING(false),
    /** Reading towards the end of the topic as it was when the reader (re)started; nothing complete is served yet. */
    REPLAYING(false),
    /** Has read everything the topic held when it (re)started; keeps following it. */
    CAUGHT_UP(true),
    /** Fills a new generation beside the served one, which keeps answering until the new one has caught up. */
    REBUILDING(true),
    /** The store lost what was applied: not ready, rebuilding into a new generation. */
    RECOVERING(false),
    /** The topic no longer holds events the view never applied (retention deleted them): refuses to serve. */
    REFUSING(false),
    /** Reading or applying keeps failing (the store is down, say): retrying. */
    FAILING(false);

    private final boolean serving;

    ReaderState(boolean serving) {
        this.serving = serving;
    }

    /** Whether the view may answer queries in this state. */
    public boolean serving() {
        return serving;
    }

    /** As the status endpoint shows it, e.g. {@code caught-up}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
