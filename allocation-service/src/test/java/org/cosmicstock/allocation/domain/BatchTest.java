package org.cosmicstock.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void allocatingToABatchReducesTheAvailableQuantity() {
        Batch batch = new Batch("batch-001", "SMALL-TABLE", 20, TODAY);

        batch.allocate(new OrderLine("order-ref", "SMALL-TABLE", 2));

        assertThat(batch.availableQuantity()).isEqualTo(18);
        assertThat(batch.allocatedQuantity()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "can allocate if available greater than required, 20, 2, true",
        "cannot allocate if available smaller than required, 2, 20, false",
        "can allocate if available equal to required, 2, 2, true"
    })
    void canAllocateIfAvailableCoversRequired(String rule, int available, int required, boolean canAllocate) {
        Batch batch = new Batch("batch-001", "ELEGANT-LAMP", available, TODAY);

        assertThat(batch.canAllocate(new OrderLine("order-123", "ELEGANT-LAMP", required)))
                .isEqualTo(canAllocate);
    }

    @Test
    void cannotAllocateIfSkusDoNotMatch() {
        Batch batch = new Batch("batch-001", "UNCOMFORTABLE-CHAIR", 100, null);

        assertThat(batch.canAllocate(new OrderLine("order-123", "EXPENSIVE-TOASTER", 10)))
                .isFalse();
    }

    @Test
    void deallocatingGivesTheQuantityBack() {
        Batch batch = new Batch("batch-001", "EXPENSIVE-FOOTSTOOL", 20, TODAY);
        OrderLine line = new OrderLine("order-1", "EXPENSIVE-FOOTSTOOL", 5);
        batch.allocate(line);

        batch.deallocate(line);

        assertThat(batch.availableQuantity()).isEqualTo(20);
    }

    @Test
    void aStoredBatchKeepsItsAllocatedQuantity() {
        Batch batch = new Batch("batch-001", "RETRO-CLOCK", 10, 3, null);

        assertThat(batch.allocatedQuantity()).isEqualTo(3);
        assertThat(batch.availableQuantity()).isEqualTo(7);
    }

    @Test
    void aNegativeAllocatedQuantityIsRefused() {
        assertThatThrownBy(() -> new Batch("batch-001", "RETRO-CLOCK", 10, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
