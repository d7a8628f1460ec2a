package org.cosmicstock.allocation.service;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageBusBuilder;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Outcome;

/** Every handler of the allocation service, in one visible place (the book's bootstrap maps). */
public final class Handlers {

    /** The receipt name of the reallocation handler: stable across releases, it is in the inbox. */
    public static final String REALLOCATE = "reallocate";

    private Handlers() {}

    public static MessageBus<AllocationUnitOfWork> bus(Supplier<AllocationUnitOfWork> unitsOfWork) {
        return bus(unitsOfWork, 5, MessageBusBuilder.AS_IS);
    }

    public static MessageBus<AllocationUnitOfWork> bus(
            Supplier<AllocationUnitOfWork> unitsOfWork,
            int conflictAttempts,
            BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> around) {
        return MessageBus.builder(unitsOfWork)
                .command(Command.CreateBatch.class, new CreateBatchHandler())
                .command(Command.Allocate.class, new AllocateHandler())
                .command(Command.ChangeBatchQuantity.class, new ChangeBatchQuantityHandler())
                .event(Event.Deallocated.class, REALLOCATE, new ReallocateOnDeallocated())
                .conflictAttempts(conflictAttempts)
                .around(around)
                .build();
    }
}
