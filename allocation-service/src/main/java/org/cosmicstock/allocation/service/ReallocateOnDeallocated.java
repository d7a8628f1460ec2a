package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Deallocated;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/** The book's reallocate: a line given up by a shrinking batch is allocated again, in its own unit of work. */
public final class ReallocateOnDeallocated implements Handler<Deallocated, AllocationUnitOfWork> {

    @Override
    public Outcome handle(Deallocated event, AllocationUnitOfWork uow) {
        Product product = uow.products().get(event.sku()).orElseThrow(() -> new InvalidSku(event.sku()));
        product.allocate(new OrderLine(event.orderId(), event.sku(), event.qty()));
        return Outcome.PROCESSED;
    }
}
