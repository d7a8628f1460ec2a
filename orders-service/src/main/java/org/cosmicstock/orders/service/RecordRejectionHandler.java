package org.cosmicstock.orders.service;

import java.util.Optional;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.RecordRejection;

/**
 * Marks the line refused by the allocation service; it stays refused. News about an order placed
 * elsewhere, about a line the order lacks, or heard before, is skipped.
 */
public final class RecordRejectionHandler implements Handler<RecordRejection, OrdersUnitOfWork> {

    @Override
    public Outcome handle(RecordRejection command, OrdersUnitOfWork uow) {
        Optional<Order> order = uow.orders().get(command.orderId());
        boolean changed = order.isPresent() && order.get().rejected(command.sku());
        return changed ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
