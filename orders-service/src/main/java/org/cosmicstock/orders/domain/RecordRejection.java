package org.cosmicstock.orders.domain;

import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Sku;

/** The allocation service refused the order's line of {@code sku}, for {@code reason} (from AllocationRejected). */
public record RecordRejection(OrderId orderId, Sku sku, String reason) implements Command {

    public RecordRejection(String orderId, String sku, String reason) {
        this(new OrderId(orderId), new Sku(sku), reason);
    }
}
