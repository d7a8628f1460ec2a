package org.cosmicstock.orders.domain;

/** The allocation service allocated the order's line of {@code sku} to {@code batchRef} (from Allocated). */
public record RecordAllocation(String orderId, String sku, String batchRef) implements Command {}
