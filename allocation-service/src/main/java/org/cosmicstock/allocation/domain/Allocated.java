package org.cosmicstock.allocation.domain;

public record Allocated(String orderId, String sku, int qty, String batchRef) implements Event {}
