package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the batch, and the product if it is new; a batch reference seen before is skipped. A batch
 * reference is unique across SKUs, so one already used for another SKU is refused.
 */
public final class CreateBatchHandler implements Handler<Command.CreateBatch, AllocationUnitOfWork> {

    private static final Logger LOG = LoggerFactory.getLogger(CreateBatchHandler.class);

    @Override
    public Outcome handle(Command.CreateBatch command, AllocationUnitOfWork uow) {
        String sku = command.sku().value();
        String ref = command.ref().value();
        Product product = uow.products().get(sku).orElseGet(() -> uow.products().add(sku));
        if (product.batch(ref).isEmpty()) {
            uow.products()
                    .getByBatchRef(ref)
                    .filter(other -> !other.sku().equals(sku))
                    .ifPresent(other -> {
                        throw new MessageRejected("Batch " + ref + " already exists for sku " + other.sku());
                    });
        }
        if (!product.addBatch(ref, command.qty().value(), command.eta())) {
            LOG.debug("Batch {} already exists; CreateBatch skipped", ref);
            return Outcome.SKIPPED;
        }
        return Outcome.PROCESSED;
    }
}
