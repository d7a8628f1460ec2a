package org.cosmicstock.stockview.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockView;

/**
 * The questions the read model answers, from the view alone: never the write model. When the view
 * hands out the very objects it holds (in memory), the answer to "stock of a SKU" is kept per SKU
 * and reused for as long as the SKU is unchanged and the day is the same (what is available now
 * depends on today's date), so a query is a lookup, not a computation.
 */
public final class StockQueries {

    private final StockView view;
    private final Clock clock;
    private final boolean keepAnswers;
    private final Map<String, KeptAnswer> kept = new ConcurrentHashMap<>();

    public StockQueries(StockView view, Clock clock) {
        this.view = view;
        this.clock = clock;
        this.keepAnswers = view.keepsSnapshots();
    }

    public Optional<StockAnswer> stock(String sku) {
        Optional<SkuStock> found = view.find(sku);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SkuStock stock = found.get();
        LocalDate today = LocalDate.now(clock);
        if (keepAnswers) {
            KeptAnswer answer = kept.get(sku);
            if (answer != null && answer.source() == stock && answer.day().equals(today)) {
                return Optional.of(answer.answer());
            }
        }
        StockAnswer answer = new StockAnswer(
                stock.sku(), stock.availableNow(today), stock.batchesInAllocationOrder(), stock.lastEventTime());
        if (keepAnswers) {
            kept.put(sku, new KeptAnswer(stock, today, answer));
        }
        return Optional.of(answer);
    }

    /**
     * Whether {@link #stock} returns the same answer object for as long as the answer is the same, so
     * that what is derived from it (its JSON) may be kept too and recognised by identity.
     */
    public boolean keepsAnswers() {
        return keepAnswers;
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

    /** @param source the view's object the answer was computed from, compared by identity */
    private record KeptAnswer(SkuStock source, LocalDate day, StockAnswer answer) {}
}
