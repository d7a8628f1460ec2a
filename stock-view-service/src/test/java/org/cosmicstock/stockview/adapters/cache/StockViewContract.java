package org.cosmicstock.stockview.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.Generation;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.testing.Apply;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.junit.jupiter.api.Test;

/** What every adapter behind the StockView port does: batches, generations, and a replayed event changes nothing. */
abstract class StockViewContract {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final long[] offsets = new long[3];
    private long offset;

    /** A new, empty view. */
    abstract StockView newView();

    /** A new view with an empty generation served. */
    StockView servedView() {
        return Apply.served(newView());
    }

    @Test
    void anEmptyViewKnowsNothingAndServesNothingUntilAGenerationIsPromoted() {
        StockView view = newView();

        Generation first = view.resume();
        assertThat(first.served()).isFalse();
        assertThat(first.positions()).isEmpty();
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        assertThat(view.find("RED-CHAIR")).isEmpty();
        assertThat(view.positions()).isEmpty();

        view.promote();

        assertThat(view.find("RED-CHAIR")).isPresent();
        assertThat(view.positions()).isEqualTo(Map.of(0, 0L));
        assertThat(view.resume()).isEqualTo(new Generation(first.id(), Map.of(0, 0L), true));
    }

    @Test
    void appliesABatchInOrderAndRemembersTheOffsetPerPartition() {
        StockView view = servedView();

        List<PositionedEvent> applied = view.apply(List.of(
                new PositionedEvent(0, 7, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0),
                new PositionedEvent(1, 3, new Event.BatchCreated("b2", "BLUE-LAMP", 5, null), T0),
                new PositionedEvent(0, 8, new Event.Allocated("order1", "RED-CHAIR", 4, "b1"), T0),
                new PositionedEvent(
                        0, 9, new Event.Deallocated("order1", "RED-CHAIR", 4, "b1", 0), T0.plusSeconds(1))));

        assertThat(applied).extracting(PositionedEvent::offset).containsExactly(7L, 3L, 8L, 9L);
        assertThat(view.find("RED-CHAIR").orElseThrow().batches().get("b1").allocated())
                .isZero();
        assertThat(view.find("RED-CHAIR").orElseThrow().lastEventTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(view.find("BLUE-LAMP").orElseThrow().batches()).containsOnlyKeys("b2");
        assertThat(view.positions()).isEqualTo(Map.of(0, 9L, 1, 3L));
    }

    @Test
    void offsetsAlreadyAppliedAreSkippedAndTheRestOfTheBatchStillApplies() {
        StockView view = servedView();
        Apply.one(view, 0, 7, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        Apply.one(view, 0, 8, new Event.Allocated("order1", "RED-CHAIR", 4, "b1"), T0);

        List<PositionedEvent> applied = view.apply(List.of(
                new PositionedEvent(0, 5, new Event.Allocated("order3", "RED-CHAIR", 4, "b1"), T0),
                new PositionedEvent(0, 8, new Event.Allocated("order2", "RED-CHAIR", 4, "b1"), T0),
                new PositionedEvent(0, 9, new Event.Allocated("order4", "RED-CHAIR", 1, "b1"), T0)));

        assertThat(applied).extracting(PositionedEvent::offset).containsExactly(9L);
        assertThat(view.find("RED-CHAIR").orElseThrow().batches().get("b1").allocated())
                .isEqualTo(5);
        assertThat(view.positions()).containsEntry(0, 9L);
    }

    @Test
    void partitionsAreTrackedApart() {
        StockView view = servedView();
        Apply.one(view, 0, 100, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        assertThat(Apply.one(view, 1, 0, new Event.BatchCreated("b2", "BLUE-LAMP", 5, null), T0))
                .isTrue();
        assertThat(view.find("BLUE-LAMP")).isPresent();
    }

    @Test
    void aRebuildFillsANewGenerationWhileTheOldOneIsServedAndSwitchesOnPromotion() {
        StockView view = servedView();
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        Apply.one(view, 0, 1, new Event.Allocated("order1", "RED-CHAIR", 4, "b1"), T0);
        String old = view.resume().id();

        Generation fresh = view.rebuild();

        assertThat(fresh.id()).isNotEqualTo(old);
        assertThat(fresh.served()).isFalse();
        assertThat(fresh.positions()).isEmpty();
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        assertThat(view.find("RED-CHAIR").orElseThrow().batches().get("b1").allocated())
                .as("the old generation is still served")
                .isEqualTo(4);
        assertThat(view.positions()).isEqualTo(Map.of(0, 1L));

        view.promote();

        assertThat(view.find("RED-CHAIR").orElseThrow().batches().get("b1").allocated())
                .isZero();
        assertThat(view.positions()).isEqualTo(Map.of(0, 0L));
        assertThat(view.resume().id()).isEqualTo(fresh.id());
    }

    @Test
    void keepsEverythingAnAnswerNeedsBatchOrderDatesTotalsAndFreshness() {
        StockView view = servedView();
        LocalDate eta = LocalDate.of(2026, 3, 9);
        apply(view, new Event.BatchCreated("late", "RED-CHAIR", 10, eta), T0);
        apply(view, new Event.BatchCreated("warehouse", "RED-CHAIR", 10, null), T0.plusSeconds(1));
        apply(view, new Event.BatchCreated("arrived", "RED-CHAIR", 10, LocalDate.of(2026, 2, 1)), T0.plusSeconds(2));
        apply(view, new Event.Allocated("order1", "RED-CHAIR", 3, "late", 3), T0.plusSeconds(3));
        apply(view, new Event.Allocated("order2", "RED-CHAIR", 2, "warehouse", 2), T0.plusSeconds(4));
        apply(view, new Event.Allocated("order3", "RED-CHAIR", 5, "warehouse", 7), T0.plusSeconds(5));
        apply(view, new Event.BatchQuantityChanged("late", "RED-CHAIR", 8), T0.plusSeconds(6));
        apply(view, new Event.Deallocated("order2", "RED-CHAIR", 2, "warehouse", 5), T0.plusSeconds(7));

        SkuStock stock = view.find("RED-CHAIR").orElseThrow();

        assertThat(stock.batches().keySet()).containsExactly("late", "warehouse", "arrived");
        assertThat(stock.batches().get("late")).isEqualTo(new BatchStock("late", 8, 3, eta));
        assertThat(stock.batches().get("warehouse")).isEqualTo(new BatchStock("warehouse", 10, 5, null));
        assertThat(stock.lastChangedBatch()).isEqualTo("late");
        assertThat(stock.lastEventTime()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void aLongRandomHistoryInBatchesEndsAsFoldingItWould() {
        StockView view = servedView();
        RandomAllocationHistory history = new RandomAllocationHistory(42, 5);
        List<PositionedEvent> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            RandomAllocationHistory.Step event = history.next();
            int partition = Math.floorMod(event.sku().hashCode(), 3);
            event.domain()
                    .ifPresent(e -> batch.add(new PositionedEvent(partition, offsets[partition]++, e, event.time())));
            if (batch.size() == 37) {
                view.apply(List.copyOf(batch));
                batch.clear();
            }
        }
        view.apply(batch);

        history.expected()
                .forEach((sku, stock) ->
                        assertThat(view.find(sku).map(SkuSnapshot::of)).contains(SkuSnapshot.of(stock)));
    }

    private void apply(StockView view, Event event, Instant time) {
        Apply.one(view, 0, offset++, event, time);
    }
}
