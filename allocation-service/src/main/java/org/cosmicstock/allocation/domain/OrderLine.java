package org.cosmicstock.allocation.domain;

import java.util.Objects;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/**
 * A line of a customer order: {@code qty} units of {@code sku}. A line is identified by its order and
 * SKU. Its values are valid by construction; a line holds at least one unit.
 */
public record OrderLine(OrderId orderId, Sku sku, Quantity qty) {

    public OrderLine {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        if (qty.isZero()) {
            throw new IllegalArgumentException("An order line holds at least one unit");
        }
    }

    public OrderLine(String orderId, String sku, int qty) {
        this(new OrderId(orderId), new Sku(sku), Quantity.of(qty));
    }
}
