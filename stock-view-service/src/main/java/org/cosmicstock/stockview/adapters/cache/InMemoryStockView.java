package org.cosmicstock.stockview.adapters.cache;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockEvent;
import org.cosmicstock.stockview.domain.StockView;

/**
 * The view in this process's memory: reads are a hash lookup of an immutable value. It starts empty
 * and is rebuilt by replaying the events topic from the beginning on every start.
 */
public final class InMemoryStockView implements StockView {

    private final Map<String, SkuStock> stock = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>();

    @Override
    public Optional<SkuStock> find(String sku) {
        return Optional.ofNullable(stock.get(sku));
    }

    @Override
    public synchronized boolean apply(int partition, long offset, StockEvent event, Instant eventTime) {
        Long applied = positions.get(partition);
        if (applied != null && offset <= applied) {
            return false;
        }
        stock.compute(
                event.sku(),
                (sku, current) -> (current == null ? SkuStock.empty(sku) : current).apply(event, eventTime));
        positions.put(partition, offset);
        return true;
    }

    @Override
    public synchronized Map<Integer, Long> positions() {
        return Map.copyOf(positions);
    }

    @Override
    public synchronized void clear() {
        stock.clear();
        positions.clear();
    }
}
