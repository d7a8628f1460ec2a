package org.cosmicstock.stockview.domain;

/** An allocation event the view is built from; events that change no stock are not among them. */
public sealed interface Event permits BatchCreated, BatchQuantityChanged, Allocated, Deallocated {

    /** The SKU whose stock it changes. */
    String sku();
}
