package org.cosmicstock.orders.domain;

/** One line of an order as the orders service tracks it; {@code batchRef} is set once allocated. */
public record OrderLine(String sku, int qty, LineStatus status, String batchRef) {

    public OrderLine {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("sku is required");
        }
        if (qty <= 0) {
            throw new IllegalArgumentException("qty must be positive, was " + qty);
        }
    }

    public static OrderLine pending(String sku, int qty) {
        return new OrderLine(sku, qty, LineStatus.PENDING, null);
    }

    OrderLine with(LineStatus newStatus, String newBatchRef) {
        return new OrderLine(sku, qty, newStatus, newBatchRef);
    }
}
