package org.cosmicstock.allocation.domain;

/** A line of a customer order: {@code qty} units of {@code sku}. A line is identified by its order and SKU. */
public record OrderLine(String orderId, String sku, int qty) {

    public OrderLine {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId is required");
        }
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("sku is required");
        }
        if (qty <= 0) {
            throw new IllegalArgumentException("qty must be positive, was " + qty);
        }
    }
}
