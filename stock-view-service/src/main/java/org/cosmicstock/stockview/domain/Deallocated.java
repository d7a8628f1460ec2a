package org.cosmicstock.stockview.domain;

/** The order's line gave its units back to the batch that held it; the event does not name the batch. */
public record Deallocated(String orderId, String sku, int qty) implements Event {}
