package org.cosmicstock.orders.domain;

/** Something that happened to an order; sent on through the outbox. */
public sealed interface Event permits AllocationRequested {

    /** The SKU it concerns: the key it is published under, so that one SKU's messages stay in order. */
    String sku();
}
