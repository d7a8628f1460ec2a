package org.cosmicstock.allocation.domain;

public record Deallocated(String orderId, String sku, int qty) implements Event {}
