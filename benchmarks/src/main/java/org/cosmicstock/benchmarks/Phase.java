package org.cosmicstock.benchmarks;

import java.util.Locale;

/** Which part of a run a command was sent in; only {@link #MEASURED} commands make the figures. */
enum Phase {
    /** Lines allocated before measuring, so that each SKU already holds --lines-per-sku of them. */
    PRELOAD,
    WARMUP,
    MEASURED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
