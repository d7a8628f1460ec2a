package org.cosmicstock.orders.domain;

/** No batch could take the order's line of {@code sku} (from OutOfStock). */
public record RecordOutOfStock(String orderId, String sku) implements Command {}
