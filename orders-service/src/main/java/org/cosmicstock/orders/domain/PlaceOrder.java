package org.cosmicstock.orders.domain;

import java.util.List;
import org.cosmicstock.domain.OrderId;

/** A client's new order, from POST /orders. */
public record PlaceOrder(OrderId orderId, List<OrderLine> lines) implements Command {

    public PlaceOrder(String orderId, List<OrderLine> lines) {
        this(new OrderId(orderId), lines);
    }
}
