package org.cosmicstock.allocation.domain;

/**
 * An order line was allocated to a batch.
 *
 * @param orderId the order the line belongs to
 * @param sku the line's SKU
 * @param qty the units allocated
 * @param batchRef the batch the line was allocated to
 * @param batchAllocated the units {@code batchRef} holds allocated right after this line, every line
 *     counted: a read model sets the batch's total to it rather than adding {@code qty}, so it needs
 *     no lines of its own and a duplicate delivery changes nothing
 */
public record Allocated(String orderId, String sku, int qty, String batchRef, int batchAllocated) implements Event {}
