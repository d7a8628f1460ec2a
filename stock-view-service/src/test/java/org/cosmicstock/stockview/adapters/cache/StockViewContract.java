package org.cosmicstock.stockview.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockEvent;
import org.cosmicstock.stockview.domain.StockEvent.Allocated;
import org.cosmicstock.stockview.domain.StockEvent.BatchCreated;
import org.cosmicstock.stockview.domain.StockEvent.BatchQuantityChanged;
import org.cosmicstock.stockview.domain.StockEvent.Deallocated;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.junit.jupiter.api.Test;

/** What every adapter behind the StockView port does: a replayed event changes nothing. */
abstract class StockViewContract {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final long[] offsets = new long[3];
    private long offset;

    /** A new, empty view. */
    abstract StockView newView();

    @Test
    void anEmptyViewKnowsNothing() {
        StockView view = newView();

        assertThat(view.find("RED-CHAIR")).isEmpty();
        assertThat(view.positions()).isEmpty();
    }

    @Test
    void appliesEventsAndRemembersTheOffsetPerPartition() {
        StockView view = newView();

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
        StockView view = newView();
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
        StockView view = newView();
        view.apply(0, 100, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        assertThat(view.apply(1, 0, new BatchCreated("b2", "BLUE-LAMP", 5, null), T0))
                .isTrue();
        assertThat(view.find("BLUE-LAMP")).isPresent();
    }

    @Test
    void clearingForgetsStockAndPositions() {
        StockView view = newView();
        view.apply(0, 7, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        view.clear();

        assertThat(view.find("RED-CHAIR")).isEmpty();
        assertThat(view.positions()).isEmpty();
        assertThat(view.apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isTrue();
    }

    @Test
    void keepsEverythingAnAnswerNeedsBatchOrderDatesLinesAndFreshness() {
        StockView view = newView();
        LocalDate eta = LocalDate.of(2026, 3, 9);
        apply(view, new BatchCreated("late", "RED-CHAIR", 10, eta), T0);
        apply(view, new BatchCreated("warehouse", "RED-CHAIR", 10, null), T0.plusSeconds(1));
        apply(view, new BatchCreated("arrived", "RED-CHAIR", 10, LocalDate.of(2026, 2, 1)), T0.plusSeconds(2));
        apply(view, new Allocated("order1", "RED-CHAIR", 3, "late"), T0.plusSeconds(3));
        apply(view, new Allocated("order2", "RED-CHAIR", 2, "warehouse"), T0.plusSeconds(4));
        apply(view, new BatchQuantityChanged("late", "RED-CHAIR", 8), T0.plusSeconds(5));
        apply(view, new Deallocated("order2", "RED-CHAIR", 2), T0.plusSeconds(6));

        SkuStock stock = view.find("RED-CHAIR").orElseThrow();

        assertThat(stock.batches().keySet()).containsExactly("late", "warehouse", "arrived");
        assertThat(stock.batches().get("late").eta()).isEqualTo(eta);
        assertThat(stock.batches().get("late").purchased()).isEqualTo(8);
        assertThat(stock.lines()).isEqualTo(Map.of("order1", "late"));
        assertThat(stock.lastEventTime()).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void aLongRandomHistoryEndsAsFoldingItWould() {
        StockView view = newView();
        RandomAllocationHistory history = new RandomAllocationHistory(42, 5);
        for (int offset = 0; offset < 500; offset++) {
            RandomAllocationHistory.Event event = history.next();
            int partition = Math.floorMod(event.sku().hashCode(), 3);
            event.domain().ifPresent(e -> view.apply(partition, offsets[partition]++, e, event.time()));
        }

        history.expected()
                .forEach((sku, stock) ->
                        assertThat(view.find(sku).map(SkuSnapshot::of)).contains(SkuSnapshot.of(stock)));
    }

    private void apply(StockView view, StockEvent event, Instant time) {
        view.apply(0, offset++, event, time);
    }
}
