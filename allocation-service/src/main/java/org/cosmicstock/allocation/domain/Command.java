package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/**
 * Something asked of the allocation service; consumed from {@code allocation.commands}. Every command is a record
 * here, named like its Avro type, with its components named like the Avro fields: {@code AvroCommands} reads each
 * from the Avro command of its name, field by field.
 */
public sealed interface Command {

    /** {@code eta} null means the stock is in the warehouse. */
    record CreateBatch(BatchRef ref, Sku sku, Quantity qty, LocalDate eta) implements Command {

        public CreateBatch(String ref, String sku, int qty, LocalDate eta) {
            this(new BatchRef(ref), new Sku(sku), Quantity.of(qty), eta);
        }
    }

    /** Allocate {@code qty} units of {@code sku} to the order's line; built only from valid values. */
    record Allocate(OrderId orderId, Sku sku, Quantity qty) implements Command {

        public Allocate(String orderId, String sku, int qty) {
            this(new OrderId(orderId), new Sku(sku), Quantity.of(qty));
        }

        public OrderLine line() {
            return new OrderLine(orderId, sku, qty);
        }
    }

    /** {@code sku} may be null when the producer knows only the batch reference; {@code qty} may be zero. */
    record ChangeBatchQuantity(BatchRef ref, Quantity qty, Sku sku) implements Command {

        public ChangeBatchQuantity(String ref, int qty, String sku) {
            this(new BatchRef(ref), new Quantity(qty), sku == null ? null : new Sku(sku));
        }
    }
}
