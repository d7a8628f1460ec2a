package org.cosmicstock.orders.domain;

import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Sku;

/** The allocation service allocated the order's line of {@code sku} to {@code batchRef} (from Allocated). */
public record RecordAllocation(OrderId orderId, Sku sku, BatchRef batchRef) implements Command {

    public RecordAllocation(String orderId, String sku, String batchRef) {
        this(new OrderId(orderId), new Sku(sku), new BatchRef(batchRef));
    }
}
