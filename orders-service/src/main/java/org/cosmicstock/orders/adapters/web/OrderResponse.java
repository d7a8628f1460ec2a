package org.cosmicstock.orders.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.cosmicstock.orders.domain.Order;

/** The JSON of an order: its status and each line's status and batch, as in CONTRACT.md. */
public record OrderResponse(String orderId, String status, List<Line> lines) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String sku, int qty, String status, String batchRef) {}

    static OrderResponse from(Order order) {
        return new OrderResponse(
                order.orderId(),
                order.status().name(),
                order.lines().stream()
                        .map(l -> new Line(
                                l.sku().value(), l.qty().value(), l.status().name(), l.batchRef()))
                        .toList());
    }
}
