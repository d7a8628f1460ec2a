package org.cosmicstock.allocation.domain;

import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/** Allocate {@code qty} units of {@code sku} to the order's line; built only from valid values. */
public record Allocate(OrderId orderId, Sku sku, Quantity qty) implements Command {

    public Allocate(String orderId, String sku, int qty) {
        this(new OrderId(orderId), new Sku(sku), Quantity.of(qty));
    }

    public OrderLine line() {
        return new OrderLine(orderId, sku, qty);
    }
}
