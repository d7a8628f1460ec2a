package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/** Changes a batch's purchased quantity; lines that no longer fit are deallocated (and reallocated). */
public final class ChangeBatchQuantityHandler implements Handler<Command.ChangeBatchQuantity, AllocationUnitOfWork> {

    @Override
    public Outcome handle(Command.ChangeBatchQuantity command, AllocationUnitOfWork uow) {
        String ref = command.ref().value();
        Product product = (command.sku() == null
                        ? uow.products().getByBatchRef(ref)
                        : uow.products()
                                .get(command.sku().value())
                                .filter(p -> p.batch(ref).isPresent()))
                .orElseThrow(() -> new UnknownBatch(ref));
        product.changeBatchQuantity(ref, command.qty().value());
        return Outcome.PROCESSED;
    }
}
