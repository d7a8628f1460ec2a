package org.cosmicstock.allocation.service;

import org.cosmicstock.messaging.bus.MessageRejected;

/**
 * A change to a batch reference that was never created, or not yet: a {@code ChangeBatchQuantity}
 * keyed by its batch reference travels on another partition than the batch's {@code CreateBatch}
 * (keyed by SKU) and may be read first, so it is retried for a while before it is dead-lettered.
 */
public class UnknownBatch extends MessageRejected {

    public UnknownBatch(String reference) {
        super("Unknown batch " + reference);
    }

    @Override
    public boolean mayPassLater() {
        return true;
    }
}
