package org.cosmicstock.stockview.domain;

/**
 * The order's line of {@code qty} units now holds stock of batch {@code batchRef}.
 *
 * @param batchAllocated the units the batch holds allocated after this line, every line counted; null
 *     in an event from a producer before v2 of the contract, which the view then adds {@code qty} for
 */
public record Allocated(String orderId, String sku, int qty, String batchRef, Integer batchAllocated) implements Event {

    /** An event as producers before v2 wrote it: without the batch's total. */
    public Allocated(String orderId, String sku, int qty, String batchRef) {
        this(orderId, sku, qty, batchRef, null);
    }
}
