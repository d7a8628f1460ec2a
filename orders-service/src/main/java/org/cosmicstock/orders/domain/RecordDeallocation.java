package org.cosmicstock.orders.domain;

import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Sku;

/** The order's line of {@code sku} lost its batch and waits to be allocated again (from Deallocated). */
public record RecordDeallocation(OrderId orderId, Sku sku) implements Command {

    public RecordDeallocation(String orderId, String sku) {
        this(new OrderId(orderId), new Sku(sku));
    }
}
