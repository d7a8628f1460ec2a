package org.cosmicstock.stockview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BatchStockTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void availableIsPurchasedLessAllocated() {
        assertThat(new BatchStock("b1", 10, 4, null).available()).isEqualTo(6);
    }

    @Test
    void warehouseStockHasArrived() {
        assertThat(new BatchStock("b1", 10, 0, null).arrivedBy(TODAY)).isTrue();
    }

    @Test
    void aShipmentHasArrivedOnItsEtaAndAfter() {
        BatchStock shipment = new BatchStock("b1", 10, 0, TODAY);

        assertThat(shipment.arrivedBy(TODAY.minusDays(1))).isFalse();
        assertThat(shipment.arrivedBy(TODAY)).isTrue();
        assertThat(shipment.arrivedBy(TODAY.plusDays(1))).isTrue();
    }
}
