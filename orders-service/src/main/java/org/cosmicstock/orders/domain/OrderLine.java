package org.cosmicstock.orders.domain;

import java.util.Objects;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/**
 * One line of an order as the orders service tracks it; {@code batchRef} is set once allocated. Its
 * SKU and quantity are valid by construction; a line holds at least one unit.
 */
public record OrderLine(Sku sku, Quantity qty, LineStatus status, String batchRef) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (qty.isZero()) {
            throw new IllegalArgumentException("An order line holds at least one unit");
        }
    }

    public OrderLine(String sku, int qty, LineStatus status, String batchRef) {
        this(new Sku(sku), Quantity.of(qty), status, batchRef);
    }

    public static OrderLine pending(Sku sku, Quantity qty) {
        return new OrderLine(sku, qty, LineStatus.PENDING, null);
    }

    public static OrderLine pending(String sku, int qty) {
        return pending(new Sku(sku), Quantity.of(qty));
    }

    OrderLine with(LineStatus newStatus, String newBatchRef) {
        return new OrderLine(sku, qty, newStatus, newBatchRef);
    }
}
