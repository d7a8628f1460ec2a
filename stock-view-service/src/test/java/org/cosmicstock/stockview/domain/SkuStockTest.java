package org.cosmicstock.stockview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SkuStockTest {

    private static final String SKU = "RED-CHAIR";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private SkuStock stock = SkuStock.empty(SKU);

    @Test
    void availableNowCountsWarehouseAndArrivedBatchesOnly() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.BatchCreated("arrived-yesterday", SKU, 5, TODAY.minusDays(1)));
        apply(new Event.BatchCreated("arriving-today", SKU, 3, TODAY));
        apply(new Event.BatchCreated("arriving-tomorrow", SKU, 100, TODAY.plusDays(1)));
        apply(new Event.Allocated("order1", SKU, 4, "warehouse"));

        assertThat(stock.availableNow(TODAY)).isEqualTo(14);
        assertThat(stock.availableNow(TODAY.plusDays(1))).isEqualTo(114);
    }

    @Test
    void anOverAllocatedBatchCountsAsEmptyNotNegative() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.BatchCreated("other", SKU, 5, null));
        apply(new Event.Allocated("order1", SKU, 8, "warehouse"));
        apply(new Event.BatchQuantityChanged("warehouse", SKU, 6));

        assertThat(stock.availableNow(TODAY)).isEqualTo(5);
    }

    @Test
    void theBatchTotalAnEventCarriesIsSetNotAdded() {
        apply(new Event.BatchCreated("warehouse", SKU, 20, null));
        apply(new Event.Allocated("order1", SKU, 4, "warehouse", 4));
        apply(new Event.Allocated("order2", SKU, 3, "warehouse", 7));

        assertThat(batch("warehouse").allocated()).isEqualTo(7);

        apply(new Event.Deallocated("order1", SKU, 4, "warehouse", 3));

        assertThat(batch("warehouse").allocated()).isEqualTo(3);
        assertThat(stock.availableNow(TODAY)).isEqualTo(17);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        deliverTwice(
                new Event.Allocated("order1", SKU, 4, "warehouse", 4),
                new Event.Allocated("order2", SKU, 2, "warehouse", 6));

        assertThat(batch("warehouse").allocated()).isEqualTo(6);

        deliverTwice(
                new Event.BatchQuantityChanged("warehouse", SKU, 5),
                new Event.Deallocated("order2", SKU, 2, "warehouse", 4));

        assertThat(batch("warehouse")).isEqualTo(new BatchStock("warehouse", 5, 4, null));
    }

    @Test
    void anEventWithoutTheBatchTotalAddsItsQuantity() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.Allocated("order1", SKU, 4, "warehouse"));
        apply(new Event.Allocated("order2", SKU, 2, "warehouse"));

        assertThat(batch("warehouse").allocated()).isEqualTo(6);
        assertThat(stock.availableNow(TODAY)).isEqualTo(4);
    }

    @Test
    void deallocatedReturnsTheUnitsToTheBatchItNames() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.BatchCreated("shipment", SKU, 10, TODAY.plusDays(3)));
        apply(new Event.Allocated("order1", SKU, 4, "shipment", 4));
        apply(new Event.Allocated("order2", SKU, 2, "warehouse", 2));

        apply(new Event.Deallocated("order1", SKU, 4, "shipment", 0));

        assertThat(batch("shipment").allocated()).isZero();
        assertThat(batch("warehouse").allocated()).isEqualTo(2);
    }

    @Test
    void deallocatedWithoutABatchReturnsTheUnitsToTheBatchWhoseQuantityChangedJustBefore() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.BatchCreated("shipment", SKU, 10, TODAY.plusDays(3)));
        apply(new Event.Allocated("order1", SKU, 4, "shipment"));
        apply(new Event.Allocated("order2", SKU, 3, "shipment"));
        apply(new Event.Allocated("order3", SKU, 2, "warehouse"));

        apply(new Event.BatchQuantityChanged("shipment", SKU, 2));
        apply(new Event.Deallocated("order2", SKU, 3));
        apply(new Event.Deallocated("order1", SKU, 4));

        assertThat(batch("shipment")).isEqualTo(new BatchStock("shipment", 2, 0, TODAY.plusDays(3)));
        assertThat(batch("warehouse").allocated()).isEqualTo(2);
        assertThat(stock.lastChangedBatch()).isEqualTo("shipment");
    }

    @Test
    void aReallocatedLineCountsInItsNewBatchOnly() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.BatchCreated("shipment", SKU, 10, TODAY.plusDays(3)));
        apply(new Event.Allocated("order1", SKU, 8, "warehouse", 8));
        apply(new Event.BatchQuantityChanged("warehouse", SKU, 5));
        apply(new Event.Deallocated("order1", SKU, 8, "warehouse", 0));
        apply(new Event.Allocated("order1", SKU, 8, "shipment", 8));

        assertThat(batch("warehouse")).isEqualTo(new BatchStock("warehouse", 5, 0, null));
        assertThat(batch("shipment").allocated()).isEqualTo(8);
    }

    @Test
    void deallocatedWithoutABatchAndNoQuantityChangeBeforeItChangesNothing() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.Allocated("order1", SKU, 4, "warehouse"));

        apply(new Event.Deallocated("order2", SKU, 3));

        assertThat(batch("warehouse").allocated()).isEqualTo(4);
    }

    @Test
    void aBatchCreatedAgainKeepsTheFirst() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.Allocated("order1", SKU, 4, "warehouse"));

        apply(new Event.BatchCreated("warehouse", SKU, 99, TODAY));

        assertThat(batch("warehouse")).isEqualTo(new BatchStock("warehouse", 10, 4, null));
    }

    @Test
    void aQuantityChangeForAnUnknownBatchChangesNothing() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));

        apply(new Event.BatchQuantityChanged("elsewhere", SKU, 3));

        assertThat(stock.batches()).containsOnlyKeys("warehouse");
    }

    @Test
    void batchesAreInAllocationOrderWarehouseFirstThenEarliestEta() {
        apply(new Event.BatchCreated("late", SKU, 10, TODAY.plusDays(9)));
        apply(new Event.BatchCreated("soon", SKU, 10, TODAY.plusDays(1)));
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));

        assertThat(stock.batchesInAllocationOrder())
                .extracting(BatchStock::batchRef)
                .containsExactly("warehouse", "soon", "late");
    }

    @Test
    void batchesDueTheSameDayAreTriedInTheOrderTheyWereCreated() {
        apply(new Event.BatchCreated("warehouse-b", SKU, 10, null));
        apply(new Event.BatchCreated("warehouse-a", SKU, 10, null));
        apply(new Event.BatchCreated("shipment-z", SKU, 10, TODAY));
        apply(new Event.BatchCreated("shipment-y", SKU, 10, TODAY));

        assertThat(stock.batchesInAllocationOrder())
                .extracting(BatchStock::batchRef)
                .containsExactly("warehouse-b", "warehouse-a", "shipment-z", "shipment-y");
        assertThat(stock.batchFor(5)).map(BatchStock::batchRef).contains("warehouse-b");
    }

    @Test
    void applyingGivesANewValueAndLeavesTheOldOneAlone() {
        SkuStock before = stock.apply(new Event.BatchCreated("warehouse", SKU, 10, null), T0);

        SkuStock after = before.apply(new Event.Allocated("order1", SKU, 4, "warehouse"), T0.plusSeconds(1));

        assertThat(before.batches().get("warehouse").allocated()).isZero();
        assertThat(after.batches().get("warehouse").allocated()).isEqualTo(4);
    }

    @Test
    void lastEventTimeIsTheNewestEventApplied() {
        SkuStock later = stock.apply(new Event.BatchCreated("warehouse", SKU, 10, null), T0.plusSeconds(60));

        SkuStock afterAnOlderEvent = later.apply(new Event.Allocated("order1", SKU, 1, "warehouse"), T0);

        assertThat(later.lastEventTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(afterAnOlderEvent.lastEventTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(SkuStock.empty(SKU).lastEventTime()).isEqualTo(Instant.EPOCH);
    }

    private void apply(Event event) {
        stock = stock.apply(event, T0);
    }

    /** Applies {@code events} in their order, then all of them again, as a consumer reading them twice would. */
    private void deliverTwice(Event... events) {
        for (int delivery = 1; delivery <= 2; delivery++) {
            for (Event event : events) {
                apply(event);
            }
        }
    }

    private BatchStock batch(String ref) {
        return stock.batches().get(ref);
    }
}
