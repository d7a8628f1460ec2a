package org.cosmicstock.schemas.testing;

import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/**
 * At least one message of every type, with every optional field both null and set
 * ({@code SampleMessagesTest} checks both against {@code MessageTypes}). The codec tests, the
 * contract fixtures and the services' mapping tests all take their messages from here, so a new
 * type needs its samples here and nowhere else.
 */
public final class SampleMessages {

    private SampleMessages() {}

    public static List<SpecificRecord> all() {
        return List.of(
                new CreateBatch("batch-001", "RED-CHAIR", 20, null),
                new CreateBatch("batch-002", "RED-CHAIR", 10, LocalDate.of(2026, 3, 14)),
                new Allocate("order-1", "RED-CHAIR", 2),
                new ChangeBatchQuantity("batch-001", 5, null),
                new ChangeBatchQuantity("batch-001", 5, "RED-CHAIR"),
                new BatchCreated("batch-001", "RED-CHAIR", 20, null),
                new BatchCreated("batch-002", "RED-CHAIR", 10, LocalDate.of(1970, 1, 1)),
                new BatchQuantityChanged("batch-001", "RED-CHAIR", 5),
                new Allocated("order-1", "RED-CHAIR", 2, "batch-001", null),
                new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7),
                new Deallocated("order-1", "RED-CHAIR", 2, null, null),
                new Deallocated("order-1", "RED-CHAIR", 2, "batch-001", 5),
                new OutOfStock("order-2", "BLUE-SOFA", 1000),
                new AllocationRejected("order-3", "NO-SUCH-SKU", 1, "Invalid sku NO-SUCH-SKU"));
    }

    /** The samples of one type. */
    public static List<SpecificRecord> of(Class<? extends SpecificRecord> type) {
        return all().stream().filter(type::isInstance).toList();
    }
}
