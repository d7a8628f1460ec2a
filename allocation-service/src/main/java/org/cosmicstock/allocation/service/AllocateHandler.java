package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Allocate;
import org.cosmicstock.allocation.domain.AllocationRejected;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/**
 * Allocates an order line; the product raises Allocated or OutOfStock. A line for a SKU no batch was
 * ever created for is refused with AllocationRejected: a business outcome the orders service waits
 * for, published like any other event, never a dead letter.
 */
public final class AllocateHandler implements Handler<Allocate, AllocationUnitOfWork> {

    @Override
    public Outcome handle(Allocate command, AllocationUnitOfWork uow) {
        var found = uow.products().get(command.sku().value());
        if (found.isEmpty()) {
            uow.raise(new AllocationRejected(
                    command.orderId().value(),
                    command.sku().value(),
                    command.qty().value(),
                    "Invalid sku " + command.sku().value()));
            return Outcome.PROCESSED;
        }
        Product product = found.get();
        product.allocate(command.line());
        return Outcome.PROCESSED;
    }
}
