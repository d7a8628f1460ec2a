package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Allocate;
import org.cosmicstock.allocation.domain.ChangeBatchQuantity;
import org.cosmicstock.allocation.domain.CreateBatch;
import org.cosmicstock.allocation.domain.Deallocated;
import org.cosmicstock.messaging.bus.HandlerObserver;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.UnitOfWorkFactory;

/** Every handler of the allocation service, in one visible place (the book's bootstrap maps). */
public final class Handlers {

    /** The receipt name of the reallocation handler: stable across releases, it is in the inbox. */
    public static final String REALLOCATE = "reallocate";

    private Handlers() {}

    public static MessageBus<AllocationUnitOfWork> bus(UnitOfWorkFactory<AllocationUnitOfWork> unitsOfWork) {
        return bus(unitsOfWork, 5, HandlerObserver.NONE);
    }

    public static MessageBus<AllocationUnitOfWork> bus(
            UnitOfWorkFactory<AllocationUnitOfWork> unitsOfWork, int conflictAttempts, HandlerObserver observer) {
        return MessageBus.builder(unitsOfWork)
                .command(CreateBatch.class, new CreateBatchHandler())
                .command(Allocate.class, new AllocateHandler())
                .command(ChangeBatchQuantity.class, new ChangeBatchQuantityHandler())
                .event(Deallocated.class, REALLOCATE, new ReallocateOnDeallocated())
                .conflictAttempts(conflictAttempts)
                .observer(observer)
                .build();
    }
}
