package org.cosmicstock.orders.service;

import java.util.Optional;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.RecordAllocation;

/**
 * Marks the line allocated to its batch. News about an order placed elsewhere, about a line the
 * order lacks, or heard before, is skipped.
 */
public final class RecordAllocationHandler implements Handler<RecordAllocation, OrdersUnitOfWork> {

    @Override
    public Outcome handle(RecordAllocation command, OrdersUnitOfWork uow) {
        Optional<Order> order = uow.orders().get(command.orderId());
        boolean changed = order.isPresent() && order.get().allocated(command.sku(), command.batchRef());
        return changed ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
