package org.cosmicstock.orders.service;

import java.util.Optional;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.RecordDeallocation;

/**
 * Marks the line pending again: the allocation service reallocates it. News about an order placed
 * elsewhere, about a line the order lacks, or heard before, is skipped.
 */
public final class RecordDeallocationHandler implements Handler<RecordDeallocation, OrdersUnitOfWork> {

    @Override
    public Outcome handle(RecordDeallocation command, OrdersUnitOfWork uow) {
        Optional<Order> order = uow.orders().get(command.orderId());
        boolean changed = order.isPresent() && order.get().deallocated(command.sku());
        return changed ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
