package org.cosmicstock.stockview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cosmicstock.schemas.testing.AllocationOrderCase;
import org.cosmicstock.schemas.testing.CaseBatch;
import org.cosmicstock.schemas.testing.ForEveryAllocationOrderCase;

/**
 * The view predicts the batch a line would go to by the allocation service's rule: the same table
 * (shared-schemas' {@code allocation-order.csv}) that allocation-service runs against Product.
 */
class AllocationOrderTableTest {

    private static final String SKU = "TABLE-SKU";

    @ForEveryAllocationOrderCase
    void batchForPicksTheBatchTheTableSays(AllocationOrderCase rule) {
        Map<String, BatchStock> batches = new LinkedHashMap<>();
        for (CaseBatch b : rule.batches()) {
            batches.put(b.ref(), new BatchStock(b.ref(), b.purchased(), b.allocated(), b.eta()));
        }
        SkuStock stock = new SkuStock(SKU, batches, null, Instant.EPOCH);

        assertThat(stock.batchFor(rule.qty()).map(BatchStock::batchRef)).isEqualTo(rule.expected());
    }

    @ForEveryAllocationOrderCase
    void theSameHoldsForAViewBuiltFromTheEvents(AllocationOrderCase rule) {
        SkuStock stock = SkuStock.empty(SKU);
        int order = 0;
        for (CaseBatch b : rule.batches()) {
            stock = stock.apply(new Event.BatchCreated(b.ref(), SKU, b.purchased(), b.eta()), Instant.EPOCH);
            if (b.allocated() > 0) {
                stock = stock.apply(
                        new Event.Allocated("held-" + order++, SKU, b.allocated(), b.ref(), b.allocated()),
                        Instant.EPOCH);
            }
        }

        assertThat(stock.batchFor(rule.qty()).map(BatchStock::batchRef)).isEqualTo(rule.expected());
    }
}
