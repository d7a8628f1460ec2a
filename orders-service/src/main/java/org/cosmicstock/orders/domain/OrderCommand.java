package org.cosmicstock.orders.domain;

import java.util.List;

/** What the orders service is asked to do: by HTTP clients, or by the allocation events it follows. */
public sealed interface OrderCommand {

    /** The order the command is about. */
    String orderId();

    record PlaceOrder(String orderId, List<OrderLine> lines) implements OrderCommand {}

    record RecordAllocation(String orderId, String sku, String batchRef) implements OrderCommand {}

    record RecordOutOfStock(String orderId, String sku) implements OrderCommand {}

    record RecordDeallocation(String orderId, String sku) implements OrderCommand {}

    record RecordRejection(String orderId, String sku, String reason) implements OrderCommand {}
}
