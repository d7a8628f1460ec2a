package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.ChangeBatchQuantity;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;

/** Changes a batch's purchased quantity; lines that no longer fit are deallocated (and reallocated). */
public final class ChangeBatchQuantityHandler implements Handler<ChangeBatchQuantity, AllocationUnitOfWork> {

    @Override
    public Outcome handle(ChangeBatchQuantity command, AllocationUnitOfWork uow) {
        Product product = (command.sku() == null
                        ? uow.products().getByBatchRef(command.ref())
                        : uow.products()
                                .get(command.sku())
                                .filter(p -> p.batch(command.ref()).isPresent()))
                .orElseThrow(() -> new UnknownBatch(command.ref()));
        product.changeBatchQuantity(command.ref(), command.qty());
        return Outcome.PROCESSED;
    }
}
