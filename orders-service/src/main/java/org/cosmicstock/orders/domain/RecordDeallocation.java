package org.cosmicstock.orders.domain;

/** The order's line of {@code sku} lost its batch and waits to be allocated again (from Deallocated). */
public record RecordDeallocation(String orderId, String sku) implements Command {}
