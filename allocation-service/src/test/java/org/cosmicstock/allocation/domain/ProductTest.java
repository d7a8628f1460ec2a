package org.cosmicstock.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.cosmicstock.domain.OrderId;
import org.junit.jupiter.api.Test;

/** The Product aggregate; where a line goes is the shared table's business ({@link AllocationOrderTableTest}). */
class ProductTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    @Test
    void returnsAllocatedBatchRef() {
        Batch inStock = new Batch("in-stock-batch-ref", "HIGHBROW-POSTER", 100, null);
        Batch shipment = new Batch("shipment-batch-ref", "HIGHBROW-POSTER", 100, TOMORROW);
        Product product = new Product("HIGHBROW-POSTER", 0, List.of(inStock, shipment));

        assertThat(product.allocate(new OrderLine("oref", "HIGHBROW-POSTER", 10)))
                .contains(inStock.reference());
    }

    @Test
    void recordsAllocatedEventWhenItAllocates() {
        Product product = new Product("SMALL-FORK", 0, List.of(new Batch("batch1", "SMALL-FORK", 10, TODAY)));

        product.allocate(new OrderLine("order1", "SMALL-FORK", 4));

        assertThat(product.drainEvents()).containsExactly(new Event.Allocated("order1", "SMALL-FORK", 4, "batch1", 4));
    }

    @Test
    void recordsOutOfStockEventIfCannotAllocate() {
        Product product = new Product("SMALL-FORK", 0, List.of(new Batch("batch1", "SMALL-FORK", 10, TODAY)));
        product.allocate(new OrderLine("order1", "SMALL-FORK", 10));

        assertThat(product.allocate(new OrderLine("order2", "SMALL-FORK", 1))).isEmpty();

        assertThat(product.drainEvents()).last().isEqualTo(new Event.OutOfStock("order2", "SMALL-FORK", 1));
    }

    @Test
    void incrementsVersionNumber() {
        Product product = new Product("SCANDI-PEN", 7, List.of(new Batch("b1", "SCANDI-PEN", 100, null)));

        product.allocate(new OrderLine("order1", "SCANDI-PEN", 10));

        assertThat(product.versionNumber()).isEqualTo(8);
    }

    @Test
    void allocatingTheSameLineTwiceRaisesOneAllocatedAndChangesNothing() {
        Batch batch = new Batch("b1", "SCANDI-PEN", 100, null);
        Product product = new Product("SCANDI-PEN", 0, List.of(batch));
        OrderLine line = new OrderLine("order1", "SCANDI-PEN", 10);
        product.allocate(line);
        int version = product.versionNumber();

        assertThat(product.allocate(line)).contains("b1");

        assertThat(batch.availableQuantity()).isEqualTo(90);
        assertThat(product.versionNumber()).isEqualTo(version);
        assertThat(product.drainEvents()).containsExactly(new Event.Allocated("order1", "SCANDI-PEN", 10, "b1", 10));
    }

    @Test
    void eachAllocatedCarriesTheBatchTotalWithItsLineIn() {
        Product product = new Product(
                "SCANDI-PEN",
                0,
                List.of(
                        new Batch("warehouse", "SCANDI-PEN", 5, 1, null),
                        new Batch("shipment", "SCANDI-PEN", 50, 7, TOMORROW)));

        product.allocate(new OrderLine("order1", "SCANDI-PEN", 2));
        product.allocate(new OrderLine("order2", "SCANDI-PEN", 3));
        product.allocate(new OrderLine("order3", "SCANDI-PEN", 2));

        assertThat(product.drainEvents())
                .as("lines loaded with a batch count; each total is the batch's own, after its line")
                .containsExactly(
                        new Event.Allocated("order1", "SCANDI-PEN", 2, "warehouse", 3),
                        new Event.Allocated("order2", "SCANDI-PEN", 3, "shipment", 10),
                        new Event.Allocated("order3", "SCANDI-PEN", 2, "warehouse", 5));
    }

    @Test
    void twoAllocationsToOneBatchCarryRunningTotals() {
        Product product = new Product("SCANDI-PEN", 0, List.of(new Batch("b1", "SCANDI-PEN", 100, null)));

        product.allocate(new OrderLine("order1", "SCANDI-PEN", 2));
        product.allocate(new OrderLine("order2", "SCANDI-PEN", 3));

        assertThat(product.drainEvents())
                .containsExactly(
                        new Event.Allocated("order1", "SCANDI-PEN", 2, "b1", 2),
                        new Event.Allocated("order2", "SCANDI-PEN", 3, "b1", 5));
    }

    @Test
    void anAllocatedLineStaysInItsBatchWhenABetterOneArrives() {
        Product product = new Product("SCANDI-PEN", 0, List.of(new Batch("shipment", "SCANDI-PEN", 100, TOMORROW)));
        OrderLine line = new OrderLine("order1", "SCANDI-PEN", 10);
        product.allocate(line);
        product.addBatch("warehouse", 100, null);
        product.drainEvents();

        assertThat(product.allocate(line)).contains("shipment");

        assertThat(product.batch("warehouse").orElseThrow().availableQuantity()).isEqualTo(100);
        assertThat(product.drainEvents()).isEmpty();
    }

    @Test
    void changeBatchQuantityDeallocatesTheNewestLinesUntilTheBatchFits() {
        Batch batch = new Batch("b1", "FANCY-TABLE", 20, null);
        var lines = new LinesInMemory();
        Product product = new Product("FANCY-TABLE", 0, List.of(batch), lines);
        product.allocate(new OrderLine("order1", "FANCY-TABLE", 10));
        product.allocate(new OrderLine("order2", "FANCY-TABLE", 5));
        product.allocate(new OrderLine("order3", "FANCY-TABLE", 5));
        product.drainEvents();

        product.changeBatchQuantity("b1", 12);

        assertThat(product.drainEvents())
                .containsExactly(
                        new Event.BatchQuantityChanged("b1", "FANCY-TABLE", 12),
                        new Event.Deallocated("order3", "FANCY-TABLE", 5, "b1", 15),
                        new Event.Deallocated("order2", "FANCY-TABLE", 5, "b1", 10));
        assertThat(lines.all())
                .extracting(Allocation::line)
                .containsExactly(new OrderLine("order1", "FANCY-TABLE", 10));
        assertThat(batch.availableQuantity()).isEqualTo(2);
    }

    @Test
    void aStoredLineIsFoundByItsOrderAndNotAllocatedTwice() {
        Batch batch = new Batch("b1", "SCANDI-PEN", 100, 10, null);
        var stored = new StoredLines(new Allocation(new OrderLine("order1", "SCANDI-PEN", 10), "b1"));
        Product product = new Product("SCANDI-PEN", 4, List.of(batch), stored);

        assertThat(product.allocate(new OrderLine("order1", "SCANDI-PEN", 10))).contains("b1");

        assertThat(batch.availableQuantity()).isEqualTo(90);
        assertThat(product.versionNumber()).isEqualTo(4);
        assertThat(product.drainEvents()).isEmpty();
        assertThat(stored.added).isEmpty();
    }

    @Test
    void shrinkingABatchReadsOnlyTheStoredLinesItGivesUpNewestFirst() {
        List<Allocation> lines = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            lines.add(new Allocation(new OrderLine("order" + i, "FANCY-TABLE", 1), "b1"));
        }
        Batch batch = new Batch("b1", "FANCY-TABLE", 1000, 1000, null);
        var stored = new StoredLines(lines.toArray(Allocation[]::new));
        Product product = new Product("FANCY-TABLE", 1, List.of(batch), stored);

        product.changeBatchQuantity("b1", 997);

        assertThat(stored.read).isEqualTo(3);
        assertThat(product.drainEvents())
                .containsExactly(
                        new Event.BatchQuantityChanged("b1", "FANCY-TABLE", 997),
                        new Event.Deallocated("order1000", "FANCY-TABLE", 1, "b1", 999),
                        new Event.Deallocated("order999", "FANCY-TABLE", 1, "b1", 998),
                        new Event.Deallocated("order998", "FANCY-TABLE", 1, "b1", 997));
        assertThat(stored.removed)
                .extracting(a -> a.line().orderId().value())
                .containsExactly("order1000", "order999", "order998");
        assertThat(batch.availableQuantity()).isZero();
    }

    @Test
    void aLineGivenUpCanBeAllocatedAgainElsewhere() {
        Batch shrinking = new Batch("b1", "FANCY-TABLE", 10, 10, null);
        Batch other = new Batch("b2", "FANCY-TABLE", 10, 0, TOMORROW);
        var lines = new LinesInMemory(List.of(new Allocation(new OrderLine("order1", "FANCY-TABLE", 10), "b1")));
        Product product = new Product("FANCY-TABLE", 1, List.of(shrinking, other), lines);
        product.changeBatchQuantity("b1", 0);

        assertThat(lines.all()).isEmpty();
        assertThat(product.allocate(new OrderLine("order1", "FANCY-TABLE", 10))).contains("b2");

        assertThat(lines.all()).extracting(Allocation::batchReference).containsExactly("b2");
        assertThat(product.drainEvents())
                .as("each event names its own batch and that batch's total")
                .containsExactly(
                        new Event.BatchQuantityChanged("b1", "FANCY-TABLE", 0),
                        new Event.Deallocated("order1", "FANCY-TABLE", 10, "b1", 0),
                        new Event.Allocated("order1", "FANCY-TABLE", 10, "b2", 10));
    }

    /** Lines as a repository would hold them, counting how many were read and recording what the product changed. */
    private static final class StoredLines implements AllocatedLines {
        private final List<Allocation> lines;
        final List<Allocation> added = new ArrayList<>();
        final List<Allocation> removed = new ArrayList<>();
        int read;

        StoredLines(Allocation... lines) {
            this.lines = List.of(lines);
        }

        @Override
        public Optional<String> batchOf(OrderId orderId) {
            return lines.stream()
                    .filter(a -> a.line().orderId().equals(orderId))
                    .map(Allocation::batchReference)
                    .findFirst();
        }

        @Override
        public Iterator<OrderLine> newestFirst(String batchReference) {
            List<OrderLine> newest = new ArrayList<>();
            lines.stream()
                    .filter(a -> a.batchReference().equals(batchReference))
                    .forEach(a -> newest.add(0, a.line()));
            Iterator<OrderLine> all = newest.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public OrderLine next() {
                    read++;
                    return all.next();
                }
            };
        }

        @Override
        public void add(Allocation allocation) {
            added.add(allocation);
        }

        @Override
        public void remove(Allocation allocation) {
            removed.add(allocation);
        }
    }

    @Test
    void changeBatchQuantityThatStillFitsDeallocatesNothing() {
        Batch batch = new Batch("b1", "FANCY-TABLE", 20, null);
        Product product = new Product("FANCY-TABLE", 3, List.of(batch));
        product.allocate(new OrderLine("order1", "FANCY-TABLE", 10));
        product.drainEvents();

        product.changeBatchQuantity("b1", 10);

        assertThat(product.drainEvents()).containsExactly(new Event.BatchQuantityChanged("b1", "FANCY-TABLE", 10));
        assertThat(batch.availableQuantity()).isZero();
        assertThat(product.versionNumber()).isEqualTo(5);
    }

    @Test
    void changeBatchQuantityOfAnUnknownBatchIsRefused() {
        Product product = new Product("FANCY-TABLE", 0, List.of());

        assertThatThrownBy(() -> product.changeBatchQuantity("nope", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void addBatchRecordsBatchCreated() {
        Product product = new Product("FANCY-TABLE", 0, List.of());

        assertThat(product.addBatch("b1", 20, TOMORROW)).isTrue();

        assertThat(product.batch("b1")).hasValueSatisfying(b -> {
            assertThat(b.sku()).isEqualTo("FANCY-TABLE");
            assertThat(b.eta()).isEqualTo(TOMORROW);
            assertThat(b.availableQuantity()).isEqualTo(20);
        });
        assertThat(product.versionNumber()).isEqualTo(1);
        assertThat(product.drainEvents()).containsExactly(new Event.BatchCreated("b1", "FANCY-TABLE", 20, TOMORROW));
    }

    @Test
    void addBatchSkipsAReferenceItAlreadyHas() {
        Product product = new Product("FANCY-TABLE", 0, List.of());
        product.addBatch("b1", 20, null);
        product.drainEvents();

        assertThat(product.addBatch("b1", 99, TOMORROW)).isFalse();

        assertThat(product.batches())
                .singleElement()
                .satisfies(b -> assertThat(b.purchasedQuantity()).isEqualTo(20));
        assertThat(product.versionNumber()).isEqualTo(1);
        assertThat(product.drainEvents()).isEmpty();
    }

    @Test
    void drainingEventsEmptiesThem() {
        Product product = new Product("FANCY-TABLE", 0, List.of());
        product.addBatch("b1", 20, null);

        assertThat(product.drainEvents()).hasSize(1);
        assertThat(product.drainEvents()).isEmpty();
    }
}
