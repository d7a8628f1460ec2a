package org.cosmicstock.orders.domain;

import java.util.List;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Sku;

/** What the orders service is asked to do: by HTTP clients, or by the allocation events it follows. */
public sealed interface Command {

    /** The order the command is about. */
    OrderId orderId();

    /** A client's new order, from POST /orders. */
    record PlaceOrder(OrderId orderId, List<OrderLine> lines) implements Command {

        public PlaceOrder(String orderId, List<OrderLine> lines) {
            this(new OrderId(orderId), lines);
        }
    }

    /** The allocation service allocated the order's line of {@code sku} to {@code batchRef} (from Allocated). */
    record RecordAllocation(OrderId orderId, Sku sku, BatchRef batchRef) implements Command {

        public RecordAllocation(String orderId, String sku, String batchRef) {
            this(new OrderId(orderId), new Sku(sku), new BatchRef(batchRef));
        }
    }

    /** No batch could take the order's line of {@code sku} (from OutOfStock). */
    record RecordOutOfStock(OrderId orderId, Sku sku) implements Command {

        public RecordOutOfStock(String orderId, String sku) {
            this(new OrderId(orderId), new Sku(sku));
        }
    }

    /** The order's line of {@code sku} lost its batch and waits to be allocated again (from Deallocated). */
    record RecordDeallocation(OrderId orderId, Sku sku) implements Command {

        public RecordDeallocation(String orderId, String sku) {
            this(new OrderId(orderId), new Sku(sku));
        }
    }

    /** The allocation service refused the order's line of {@code sku}, for {@code reason} (from AllocationRejected). */
    record RecordRejection(OrderId orderId, Sku sku, String reason) implements Command {

        public RecordRejection(String orderId, String sku, String reason) {
            this(new OrderId(orderId), new Sku(sku), reason);
        }
    }
}
