package org.cosmicstock.stockview.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.cosmicstock.messaging.testing.MovableClock;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.testing.Apply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StockQueriesTest {

    private static final String SKU = "RED-CHAIR";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final StockView view = Apply.served(new InMemoryStockView());
    private final StockQueries queries = new StockQueries(view, Clock.fixed(NOW, ZoneOffset.UTC));
    private long offset;

    @Test
    void stockOfAnUnknownSkuIsNotFound() {
        assertThat(queries.stock("NOBODY-KNOWS")).isEmpty();
        assertThat(queries.availability("NOBODY-KNOWS", 1)).isEmpty();
    }

    @Test
    void stockCountsWhatIsInAndListsBatchesInAllocationOrder() {
        apply(new Event.BatchCreated("shipment", SKU, 100, TODAY.plusDays(5)), NOW.minusSeconds(30));
        apply(new Event.BatchCreated("warehouse", SKU, 10, null), NOW.minusSeconds(20));
        apply(new Event.BatchCreated("arrived", SKU, 7, TODAY.minusDays(2)), NOW.minusSeconds(10));
        apply(new Event.Allocated("order1", SKU, 3, "warehouse"), NOW.minusSeconds(5));

        StockAnswer answer = queries.stock(SKU).orElseThrow();

        assertThat(answer.availableNow()).isEqualTo(14);
        assertThat(answer.batches())
                .extracting(BatchStock::batchRef)
                .containsExactly("warehouse", "arrived", "shipment");
        assertThat(answer.asOf()).isEqualTo(NOW.minusSeconds(5));
    }

    @Test
    void availabilityPrefersWarehouseStockFromToday() {
        apply(new Event.BatchCreated("shipment", SKU, 100, TODAY.plusDays(1)));
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));

        assertThat(queries.availability(SKU, 10))
                .contains(new AvailabilityAnswer(SKU, 10, true, TODAY, "warehouse", NOW));
    }

    @Test
    void availabilityTakesTheEarliestShipmentThatCanTakeTheWholeQuantity() {
        apply(new Event.BatchCreated("warehouse", SKU, 5, null));
        apply(new Event.BatchCreated("late", SKU, 100, TODAY.plusDays(9)));
        apply(new Event.BatchCreated("soon", SKU, 20, TODAY.plusDays(2)));

        AvailabilityAnswer answer = queries.availability(SKU, 6).orElseThrow();

        assertThat(answer.canAllocate()).isTrue();
        assertThat(answer.batchRef()).isEqualTo("soon");
        assertThat(answer.eta()).isEqualTo(TODAY.plusDays(2));
        assertThat(queries.availability(SKU, 21).orElseThrow().batchRef()).isEqualTo("late");
    }

    @Test
    void aShipmentThatHasArrivedIsAvailableFromToday() {
        apply(new Event.BatchCreated("arrived", SKU, 10, TODAY.minusDays(3)));

        assertThat(queries.availability(SKU, 10).orElseThrow().eta()).isEqualTo(TODAY);
    }

    @Test
    void availabilityFollowsAllocationsMade() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        apply(new Event.BatchCreated("shipment", SKU, 10, TODAY.plusDays(4)));
        apply(new Event.Allocated("order1", SKU, 8, "warehouse"));

        assertThat(queries.availability(SKU, 5).orElseThrow().batchRef()).isEqualTo("shipment");
        assertThat(queries.availability(SKU, 2).orElseThrow().batchRef()).isEqualTo("warehouse");
    }

    @Test
    void availabilityNamesTheBatchTheAllocationServiceWouldPickAmongEquals() {
        apply(new Event.BatchCreated("warehouse-b", SKU, 10, null));
        apply(new Event.BatchCreated("warehouse-a", SKU, 10, null));

        assertThat(queries.availability(SKU, 5).orElseThrow().batchRef()).isEqualTo("warehouse-b");
    }

    @Test
    void whenNoBatchCanTakeTheWholeQuantityThereIsNoEta() {
        apply(new Event.BatchCreated("warehouse", SKU, 5, null));
        apply(new Event.BatchCreated("shipment", SKU, 5, TODAY.plusDays(1)));

        assertThat(queries.availability(SKU, 6)).contains(new AvailabilityAnswer(SKU, 6, false, null, null, NOW));
    }

    @Test
    void anAnswerIsKeptWhileTheSkuIsUnchangedAndComputedAgainWhenItChanges() {
        apply(new Event.BatchCreated("warehouse", SKU, 10, null));
        StockAnswer first = queries.stock(SKU).orElseThrow();

        assertThat(queries.stock(SKU).orElseThrow()).isSameAs(first);

        apply(new Event.Allocated("order1", SKU, 4, "warehouse"));
        StockAnswer changed = queries.stock(SKU).orElseThrow();
        assertThat(changed.availableNow()).isEqualTo(6);
        assertThat(queries.stock(SKU).orElseThrow()).isSameAs(changed);
    }

    @Test
    void aKeptAnswerHoldsOnlyForTheDayItWasComputedOn() {
        MovableClock clock = new MovableClock(NOW);
        StockQueries queries = new StockQueries(view, clock);
        apply(new Event.BatchCreated("shipment", SKU, 10, TODAY.plusDays(1)));
        assertThat(queries.stock(SKU).orElseThrow().availableNow()).isZero();

        clock.advance(java.time.Duration.ofDays(1));

        assertThat(queries.stock(SKU).orElseThrow().availableNow()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aQuantityMustBePositive(int qty) {
        apply(new Event.BatchCreated("warehouse", SKU, 5, null));

        assertThatThrownBy(() -> queries.availability(SKU, qty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(qty));
    }

    private void apply(Event event) {
        apply(event, NOW);
    }

    private void apply(Event event, Instant eventTime) {
        Apply.one(view, 0, offset++, event, eventTime);
    }
}
