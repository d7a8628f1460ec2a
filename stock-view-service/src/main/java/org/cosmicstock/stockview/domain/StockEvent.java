package org.cosmicstock.stockview.domain;

import java.time.LocalDate;

/** The allocation events the view is built from. */
public sealed interface StockEvent {

    String sku();

    record BatchCreated(String ref, String sku, int qty, LocalDate eta) implements StockEvent {}

    record BatchQuantityChanged(String ref, String sku, int qty) implements StockEvent {}

    record Allocated(String orderId, String sku, int qty, String batchRef) implements StockEvent {}

    record Deallocated(String orderId, String sku, int qty) implements StockEvent {}
}
