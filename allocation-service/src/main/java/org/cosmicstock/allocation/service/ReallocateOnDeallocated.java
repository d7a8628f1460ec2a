package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/** The book's reallocate: a line given up by a shrinking batch is allocated again, after that change committed. */
public final class ReallocateOnDeallocated implements Handler<Event.Deallocated, AllocationUnitOfWork> {

    @Override
    public Outcome handle(Event.Deallocated event, AllocationUnitOfWork uow) {
        // The product raised the event, so it exists; a missing one would be a corrupt database.
        var product = uow.products()
                .get(event.sku())
                .orElseThrow(() -> new IllegalStateException("Deallocated names unknown sku " + event.sku()));
        product.allocate(new OrderLine(event.orderId(), event.sku(), event.qty()));
        return Outcome.PROCESSED;
    }
}
