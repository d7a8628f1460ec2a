package org.cosmicstock.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cosmicstock.schemas.testing.AllocationOrderCase;
import org.cosmicstock.schemas.testing.ForEveryAllocationOrderCase;

/**
 * The allocation-order rule from the table both implementations share (shared-schemas'
 * {@code allocation-order.csv}); stock-view-service runs the same table against its prediction.
 */
class AllocationOrderTableTest {

    private static final String SKU = "TABLE-SKU";

    @ForEveryAllocationOrderCase
    void productAllocatesTheLineWhereTheTableSays(AllocationOrderCase rule) {
        List<Batch> batches = rule.batches().stream()
                .map(b -> new Batch(b.ref(), SKU, b.purchased(), b.allocated(), b.eta()))
                .toList();
        Product product = new Product(SKU, 1, batches);

        assertThat(product.allocate(new OrderLine("order-1", SKU, rule.qty()))).isEqualTo(rule.expected());
        assertThat(product.drainEvents())
                .singleElement()
                .isEqualTo(
                        rule.expected().isPresent()
                                ? new Event.Allocated(
                                        "order-1",
                                        SKU,
                                        rule.qty(),
                                        rule.expected().get(),
                                        allocatedBefore(rule, rule.expected().get()) + rule.qty())
                                : new Event.OutOfStock("order-1", SKU, rule.qty()));
        for (Batch batch : batches) {
            int taken = rule.expected().filter(batch.reference()::equals).isPresent() ? rule.qty() : 0;
            assertThat(batch.allocatedQuantity())
                    .as("allocated from %s", batch.reference())
                    .isEqualTo(allocatedBefore(rule, batch.reference()) + taken);
        }
    }

    private static int allocatedBefore(AllocationOrderCase rule, String reference) {
        return rule.batches().stream()
                .filter(b -> b.ref().equals(reference))
                .findFirst()
                .orElseThrow()
                .allocated();
    }
}
