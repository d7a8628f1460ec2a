package org.cosmicstock.stockview.domain;

/** {@code qty} is the batch's new purchased quantity. */
public record BatchQuantityChanged(String ref, String sku, int qty) implements Event {}
