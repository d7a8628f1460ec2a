package org.cosmicstock.stockview.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockView;

/** The questions the read model answers, from the view alone: never the write model. */
public final class StockQueries {

    private final StockView view;
    private final Clock clock;

    public StockQueries(StockView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    public Optional<StockAnswer> stock(String sku) {
        LocalDate today = LocalDate.now(clock);
        return view.find(sku)
                .map(stock -> new StockAnswer(
                        stock.sku(),
                        stock.availableNow(today),
                        stock.batchesInAllocationOrder(),
                        stock.lastEventTime()));
    }

    /** Whether one batch can take {@code qty} units, and from when: the batch the allocation rules would pick. */
    public Optional<AvailabilityAnswer> availability(String sku, int qty) {
        if (qty <= 0) {
            throw new IllegalArgumentException("qty must be a positive number of units, was " + qty);
        }
        LocalDate today = LocalDate.now(clock);
        return view.find(sku).map(stock -> answer(stock, qty, today));
    }

    private static AvailabilityAnswer answer(SkuStock stock, int qty, LocalDate today) {
        Optional<BatchStock> batch = stock.batchFor(qty);
        LocalDate from = batch.map(b -> b.arrivedBy(today) ? today : b.eta()).orElse(null);
        return new AvailabilityAnswer(
                stock.sku(),
                qty,
                batch.isPresent(),
                from,
                batch.map(BatchStock::batchRef).orElse(null),
                stock.lastEventTime());
    }
}
