package org.cosmicstock.stockview.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.junit.jupiter.api.Test;

class StoredSkuStockTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void readsWhatItWrites() {
        SkuStock stock = SkuStock.empty("RED-CHAIR")
                .apply(new Event.BatchCreated("late", "RED-CHAIR", 10, LocalDate.of(2026, 3, 9)), T0)
                .apply(new Event.BatchCreated("warehouse", "RED-CHAIR", 10, null), T0)
                .apply(new Event.Allocated("order1", "RED-CHAIR", 4, "warehouse", 4), T0)
                .apply(new Event.BatchQuantityChanged("late", "RED-CHAIR", 8), T0.plusSeconds(1));

        assertThat(SkuSnapshot.of(StoredSkuStock.read(StoredSkuStock.write(stock))))
                .isEqualTo(SkuSnapshot.of(stock));
    }

    @Test
    void whatItStoresDoesNotGrowWithTheLinesAllocated() {
        SkuStock stock =
                SkuStock.empty("RED-CHAIR").apply(new Event.BatchCreated("b1", "RED-CHAIR", 100_000, null), T0);
        stock = stock.apply(new Event.Allocated("order-0", "RED-CHAIR", 1, "b1", 10_000), T0);
        int afterOne = StoredSkuStock.write(stock).length();
        for (int i = 1; i < 1_000; i++) {
            stock = stock.apply(new Event.Allocated("order-" + i, "RED-CHAIR", 1, "b1", 10_000 + i), T0);
        }

        assertThat(StoredSkuStock.write(stock)).hasSize(afterOne);
    }

    @Test
    void readsAValueAnEarlierVersionWroteWithEveryLineInIt() {
        String earlier = "{\"sku\":\"RED-CHAIR\",\"batches\":[{\"ref\":\"b1\",\"purchased\":10,\"allocated\":6,"
                + "\"eta\":\"2026-03-09\"}],\"lines\":{\"order1\":\"b1\",\"order2\":\"b1\"},"
                + "\"lastEventTime\":\"2026-03-01T09:00:00Z\"}";

        SkuStock stock = StoredSkuStock.read(earlier);

        assertThat(stock.batches().get("b1")).isEqualTo(new BatchStock("b1", 10, 6, LocalDate.of(2026, 3, 9)));
        assertThat(stock.lastChangedBatch()).isNull();
        assertThat(stock.lastEventTime()).isEqualTo(T0);
    }
}
