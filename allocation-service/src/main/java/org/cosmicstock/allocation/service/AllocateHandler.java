package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/**
 * Allocates an order line; the product raises Allocated or OutOfStock. A line for a SKU no batch was
 * ever created for is refused with AllocationRejected: a business outcome the orders service waits
 * for, published like any other event, never a dead letter.
 */
public final class AllocateHandler implements Handler<Command.Allocate, AllocationUnitOfWork> {

    @Override
    public Outcome handle(Command.Allocate command, AllocationUnitOfWork uow) {
        var found = uow.products().get(command.sku().value());
        if (found.isEmpty()) {
            uow.raise(new Event.AllocationRejected(
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
