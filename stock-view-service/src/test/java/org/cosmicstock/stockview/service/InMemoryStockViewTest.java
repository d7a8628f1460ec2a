package org.cosmicstock.stockview.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.domain.StockEvent.Allocated;
import org.cosmicstock.stockview.domain.StockEvent.BatchCreated;
import org.cosmicstock.stockview.domain.StockView;
import org.junit.jupiter.api.Test;

/** The in-memory adapter through the StockView port: a replayed event changes nothing. */
class InMemoryStockViewTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final StockView view = new InMemoryStockView();

    @Test
    void anEmptyViewKnowsNothing() {
        assertThat(view.find("RED-CHAIR")).isEmpty();
        assertThat(view.positions()).isEmpty();
    }

    @Test
    void appliesEventsAndRemembersTheOffsetPerPartition() {
        assertThat(view.apply(0, 7, new BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isTrue();
        assertThat(view.apply(1, 3, new BatchCreated("b2", "BLUE-LAMP", 5, null), T0))
                .isTrue();

        assertThat(view.find("RED-CHAIR").orElseThrow().batches()).containsOnlyKeys("b1");
        assertThat(view.find("BLUE-LAMP").orElseThrow().batches()).containsOnlyKeys("b2");
        assertThat(view.positions()).isEqualTo(Map.of(0, 7L, 1, 3L));
    }

    @Test
    void anOffsetAlreadyAppliedIsSkipped() {
        view.apply(0, 7, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        view.apply(0, 8, new Allocated("order1", "RED-CHAIR", 4, "b1"), T0);

        assertThat(view.apply(0, 8, new Allocated("order2", "RED-CHAIR", 4, "b1"), T0))
                .isFalse();
        assertThat(view.apply(0, 5, new Allocated("order3", "RED-CHAIR", 4, "b1"), T0))
                .isFalse();

        assertThat(view.find("RED-CHAIR").orElseThrow().batches().get("b1").allocated())
                .isEqualTo(4);
        assertThat(view.positions()).containsEntry(0, 8L);
    }

    @Test
    void partitionsAreTrackedApart() {
        view.apply(0, 100, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        assertThat(view.apply(1, 0, new BatchCreated("b2", "BLUE-LAMP", 5, null), T0))
                .isTrue();
        assertThat(view.find("BLUE-LAMP")).isPresent();
    }

    @Test
    void clearingForgetsStockAndPositions() {
        view.apply(0, 7, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        view.clear();

        assertThat(view.find("RED-CHAIR")).isEmpty();
        assertThat(view.positions()).isEmpty();
        assertThat(view.apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isTrue();
    }
}
