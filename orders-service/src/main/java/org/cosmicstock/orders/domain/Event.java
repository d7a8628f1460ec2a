package org.cosmicstock.orders.domain;

/** Something that happened to an order; sent on through the outbox. */
public sealed interface Event {

    /** The SKU it concerns: the key it is published under, so that one SKU's messages stay in order. */
    String sku();

    /** An order line needs stock: sent to the allocation service as an Allocate command. */
    record AllocationRequested(String orderId, String sku, int qty) implements Event {}
}
