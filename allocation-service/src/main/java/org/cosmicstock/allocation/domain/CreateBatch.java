package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/** {@code eta} null means the stock is in the warehouse. */
public record CreateBatch(BatchRef ref, Sku sku, Quantity qty, LocalDate eta) implements Command {

    public CreateBatch(String ref, String sku, int qty, LocalDate eta) {
        this(new BatchRef(ref), new Sku(sku), Quantity.of(qty), eta);
    }
}
