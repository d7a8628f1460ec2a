package org.cosmicstock.allocation.domain;

/** Something that happened to a product; published on {@code allocation.events}. */
public sealed interface Event
        permits BatchCreated, BatchQuantityChanged, Allocated, Deallocated, OutOfStock, AllocationRejected {

    String sku();
}
