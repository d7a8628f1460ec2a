package org.cosmicstock.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void allocatingToABatchReducesTheAvailableQuantity() {
        Batch batch = new Batch("batch-001", "SMALL-TABLE", 20, TODAY);

        batch.allocate(new OrderLine("order-ref", "SMALL-TABLE", 2));

        assertThat(batch.availableQuantity()).isEqualTo(18);
        assertThat(batch.allocatedQuantity()).isEqualTo(2);
    }

    @Test
    void canAllocateIfAvailableGreaterThanRequired() {
        Batch batch = new Batch("batch-001", "ELEGANT-LAMP", 20, TODAY);

        assertThat(batch.canAllocate(new OrderLine("order-123", "ELEGANT-LAMP", 2)))
                .isTrue();
    }

    @Test
    void cannotAllocateIfAvailableSmallerThanRequired() {
        Batch batch = new Batch("batch-001", "ELEGANT-LAMP", 2, TODAY);

        assertThat(batch.canAllocate(new OrderLine("order-123", "ELEGANT-LAMP", 20)))
                .isFalse();
    }

    @Test
    void canAllocateIfAvailableEqualToRequired() {
        Batch batch = new Batch("batch-001", "ELEGANT-LAMP", 2, TODAY);

        assertThat(batch.canAllocate(new OrderLine("order-123", "ELEGANT-LAMP", 2)))
                .isTrue();
    }

    @Test
    void cannotAllocateIfSkusDoNotMatch() {
        Batch batch = new Batch("batch-001", "UNCOMFORTABLE-CHAIR", 100, null);

        assertThat(batch.canAllocate(new OrderLine("order-123", "EXPENSIVE-TOASTER", 10)))
                .isFalse();
    }

    @Test
    void allocationIsIdempotent() {
        Batch batch = new Batch("batch-001", "ANGULAR-DESK", 20, TODAY);
        OrderLine line = new OrderLine("order-123", "ANGULAR-DESK", 2);

        batch.allocate(line);
        batch.allocate(line);

        assertThat(batch.availableQuantity()).isEqualTo(18);
        assertThat(batch.holds(line)).isTrue();
    }

    @Test
    void aLineIsKnownByItsOrderAndSku() {
        Batch batch = new Batch("batch-001", "ANGULAR-DESK", 20, TODAY);
        batch.allocate(new OrderLine("order-123", "ANGULAR-DESK", 2));

        assertThat(batch.holds(new OrderLine("order-123", "ANGULAR-DESK", 5))).isTrue();
        assertThat(batch.holds(new OrderLine("order-456", "ANGULAR-DESK", 2))).isFalse();
    }

    @Test
    void deallocateGivesBackTheMostRecentLine() {
        Batch batch = new Batch("batch-001", "EXPENSIVE-FOOTSTOOL", 20, TODAY);
        OrderLine first = new OrderLine("order-1", "EXPENSIVE-FOOTSTOOL", 2);
        OrderLine second = new OrderLine("order-2", "EXPENSIVE-FOOTSTOOL", 5);
        batch.allocate(first);
        batch.allocate(second);

        assertThat(batch.deallocateOne()).contains(second);

        assertThat(batch.availableQuantity()).isEqualTo(18);
        assertThat(batch.allocations()).containsExactly(first);
    }

    @Test
    void deallocatingAnEmptyBatchGivesBackNothing() {
        Batch batch = new Batch("batch-001", "EXPENSIVE-FOOTSTOOL", 20, TODAY);

        assertThat(batch.deallocateOne()).isEmpty();
        assertThat(batch.availableQuantity()).isEqualTo(20);
    }

    @Test
    void aStoredBatchKeepsItsAllocations() {
        OrderLine line = new OrderLine("order-1", "RETRO-CLOCK", 3);

        Batch batch = new Batch("batch-001", "RETRO-CLOCK", 10, null, List.of(line));

        assertThat(batch.allocations()).containsExactly(line);
        assertThat(batch.availableQuantity()).isEqualTo(7);
    }
}
