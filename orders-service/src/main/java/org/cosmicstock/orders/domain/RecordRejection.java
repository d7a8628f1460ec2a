package org.cosmicstock.orders.domain;

/** The allocation service refused the order's line of {@code sku}, for {@code reason} (from AllocationRejected). */
public record RecordRejection(String orderId, String sku, String reason) implements Command {}
