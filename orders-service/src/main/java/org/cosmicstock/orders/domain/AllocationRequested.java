package org.cosmicstock.orders.domain;

/** An order line needs stock: sent to the allocation service as an Allocate command. */
public record AllocationRequested(String orderId, String sku, int qty) implements Event {}
