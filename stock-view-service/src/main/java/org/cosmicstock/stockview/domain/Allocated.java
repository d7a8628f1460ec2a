package org.cosmicstock.stockview.domain;

/** The order's line of {@code qty} units now holds stock of batch {@code batchRef}. */
public record Allocated(String orderId, String sku, int qty, String batchRef) implements Event {}
