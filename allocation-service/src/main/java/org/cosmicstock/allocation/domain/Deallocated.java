package org.cosmicstock.allocation.domain;

/**
 * An order line lost its allocation, because its batch shrank below what it held, and is to be
 * allocated again.
 *
 * <p>A product always fills {@code batchRef} and {@code batchAllocated}. Both are null only in an
 * event read back from the broker that a producer older than the v2 schema wrote: reallocating
 * needs just the line ({@code orderId}, {@code sku}, {@code qty}), so such an event is still
 * handled, and a missing total is not made up.
 *
 * @param orderId the order the line belongs to
 * @param sku the line's SKU
 * @param qty the units given back
 * @param batchRef the batch the line gave its units back to; null only from a pre-v2 producer
 * @param batchAllocated the units {@code batchRef} holds allocated right after the line left it, to
 *     be set rather than subtracted; null only from a pre-v2 producer
 */
public record Deallocated(String orderId, String sku, int qty, String batchRef, Integer batchAllocated)
        implements Event {}
