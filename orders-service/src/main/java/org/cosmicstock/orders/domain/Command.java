package org.cosmicstock.orders.domain;

import org.cosmicstock.domain.OrderId;

/** What the orders service is asked to do: by HTTP clients, or by the allocation events it follows. */
public sealed interface Command
        permits PlaceOrder, RecordAllocation, RecordOutOfStock, RecordDeallocation, RecordRejection {

    /** The order the command is about. */
    OrderId orderId();
}
