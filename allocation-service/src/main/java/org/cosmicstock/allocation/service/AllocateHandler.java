package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Allocate;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/** Allocates an order line; the product raises Allocated or OutOfStock. */
public final class AllocateHandler implements Handler<Allocate, AllocationUnitOfWork> {

    @Override
    public Outcome handle(Allocate command, AllocationUnitOfWork uow) {
        Product product = uow.products().get(command.sku()).orElseThrow(() -> new InvalidSku(command.sku()));
        product.allocate(new OrderLine(command.orderId(), command.sku(), command.qty()));
        return Outcome.PROCESSED;
    }
}
