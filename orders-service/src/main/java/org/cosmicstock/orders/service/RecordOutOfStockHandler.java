package org.cosmicstock.orders.service;

import java.util.Optional;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.RecordOutOfStock;

/**
 * Marks the line out of stock. News about an order placed elsewhere, about a line the order lacks,
 * or heard before, is skipped.
 */
public final class RecordOutOfStockHandler implements Handler<RecordOutOfStock, OrdersUnitOfWork> {

    @Override
    public Outcome handle(RecordOutOfStock command, OrdersUnitOfWork uow) {
        Optional<Order> order = uow.orders().get(command.orderId());
        boolean changed = order.isPresent() && order.get().outOfStock(command.sku());
        return changed ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
