package org.cosmicstock.allocation.service;

import org.cosmicstock.messaging.bus.MessageRejected;

/** A change to a batch reference that was never created. */
public class UnknownBatch extends MessageRejected {

    public UnknownBatch(String reference) {
        super("Unknown batch " + reference);
    }
}
