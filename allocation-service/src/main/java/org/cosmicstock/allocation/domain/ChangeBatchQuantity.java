package org.cosmicstock.allocation.domain;

import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/** {@code sku} may be null when the producer knows only the batch reference; {@code qty} may be zero. */
public record ChangeBatchQuantity(BatchRef ref, Quantity qty, Sku sku) implements Command {

    public ChangeBatchQuantity(String ref, int qty, String sku) {
        this(new BatchRef(ref), new Quantity(qty), sku == null ? null : new Sku(sku));
    }
}
