package org.cosmicstock.allocation.domain;

import java.time.LocalDate;

/**
 * Something that happened to a product; published on {@code allocation.events}. Every event is a record here,
 * named like its Avro type, with its components named like the Avro fields: {@code AvroEvents} writes each as the
 * Avro event of its name, field by field.
 */
public sealed interface Event {

    String sku();

    record BatchCreated(String ref, String sku, int qty, LocalDate eta) implements Event {}

    /** {@code qty} is the batch's new purchased quantity. */
    record BatchQuantityChanged(String ref, String sku, int qty) implements Event {}

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
    record Allocated(String orderId, String sku, int qty, String batchRef, int batchAllocated) implements Event {}

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
    record Deallocated(String orderId, String sku, int qty, String batchRef, Integer batchAllocated) implements Event {}

    /** No batch could take the whole line. */
    record OutOfStock(String orderId, String sku, int qty) implements Event {}

    /** A well-formed Allocate that cannot be applied, such as one for a SKU no batch was ever created for. */
    record AllocationRejected(String orderId, String sku, int qty, String reason) implements Event {}
}
