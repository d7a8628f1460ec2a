package org.cosmicstock.stockview.domain;

/**
 * The order's line gave its {@code qty} units back to the batch that held it.
 *
 * @param batchRef that batch; null in an event from a producer before v2 of the contract, where it is
 *     the batch of the SKU's {@link BatchQuantityChanged} just before (the only cause of a deallocation)
 * @param batchAllocated the units the batch holds allocated after the line left; null before v2, when
 *     the view subtracts {@code qty}
 */
public record Deallocated(String orderId, String sku, int qty, String batchRef, Integer batchAllocated)
        implements Event {

    /** An event as producers before v2 wrote it: without the batch and its total. */
    public Deallocated(String orderId, String sku, int qty) {
        this(orderId, sku, qty, null, null);
    }
}
