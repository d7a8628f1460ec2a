package org.cosmicstock.allocation.domain;

public record Allocate(String orderId, String sku, int qty) implements Command {}
