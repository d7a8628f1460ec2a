package org.cosmicstock.stockview.domain;

import java.time.LocalDate;

/** An allocation event the view is built from; events that change no stock are not among them. */
public sealed interface Event {

    /** The SKU whose stock it changes. */
    String sku();

    /** A new batch of {@code qty} units; {@code eta} null means it is in the warehouse. */
    record BatchCreated(String ref, String sku, int qty, LocalDate eta) implements Event {}

    /** {@code qty} is the batch's new purchased quantity. */
    record BatchQuantityChanged(String ref, String sku, int qty) implements Event {}

    /**
     * The order's line of {@code qty} units now holds stock of batch {@code batchRef}.
     *
     * @param batchAllocated the units the batch holds allocated after this line, every line counted; null
     *     in an event from a producer before v2 of the contract, which the view then adds {@code qty} for
     */
    record Allocated(String orderId, String sku, int qty, String batchRef, Integer batchAllocated) implements Event {

        /** An event as producers before v2 wrote it: without the batch's total. */
        public Allocated(String orderId, String sku, int qty, String batchRef) {
            this(orderId, sku, qty, batchRef, null);
        }
    }

    /**
     * The order's line gave its {@code qty} units back to the batch that held it.
     *
     * @param batchRef that batch; null in an event from a producer before v2 of the contract, where it is
     *     the batch of the SKU's {@link BatchQuantityChanged} just before (the only cause of a deallocation)
     * @param batchAllocated the units the batch holds allocated after the line left; null before v2, when
     *     the view subtracts {@code qty}
     */
    record Deallocated(String orderId, String sku, int qty, String batchRef, Integer batchAllocated) implements Event {

        /** An event as producers before v2 wrote it: without the batch and its total. */
        public Deallocated(String orderId, String sku, int qty) {
            this(orderId, sku, qty, null, null);
        }
    }
}
