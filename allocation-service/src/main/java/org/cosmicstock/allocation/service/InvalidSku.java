package org.cosmicstock.allocation.service;

import org.cosmicstock.messaging.bus.MessageRejected;

/** An order line for a SKU no batch was ever created for. */
public class InvalidSku extends MessageRejected {

    public InvalidSku(String sku) {
        super("Invalid sku " + sku);
    }
}
