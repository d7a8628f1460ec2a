package org.cosmicstock.orders.domain;

import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Sku;

/** No batch could take the order's line of {@code sku} (from OutOfStock). */
public record RecordOutOfStock(OrderId orderId, Sku sku) implements Command {

    public RecordOutOfStock(String orderId, String sku) {
        this(new OrderId(orderId), new Sku(sku));
    }
}
