package org.cosmicstock.allocation.domain;

/** No batch could take the whole line. */
public record OutOfStock(String orderId, String sku, int qty) implements Event {}
