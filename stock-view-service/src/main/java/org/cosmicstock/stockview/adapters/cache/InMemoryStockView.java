package org.cosmicstock.stockview.adapters.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cosmicstock.stockview.domain.Generation;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockView;

/**
 * The view in this process's memory: a query is a hash lookup of an immutable value. Each
 * generation is a map of its own; a rebuild fills a new map beside the served one and switches the
 * reference when it has caught up. Memory is never lost behind the reader's back, so nothing here
 * throws {@code ViewLost}; it starts empty and is replayed from the beginning on every start.
 */
public final class InMemoryStockView implements StockView {

    private volatile Contents served;
    private Contents target;
    private long generations;

    @Override
    public Optional<SkuStock> find(String sku) {
        Contents contents = served;
        return contents == null ? Optional.empty() : Optional.ofNullable(contents.stock.get(sku));
    }

    @Override
    public synchronized Generation resume() {
        if (target == null) {
            target = served != null ? served : fresh();
        }
        return describe(target);
    }

    @Override
    public synchronized Generation rebuild() {
        target = fresh();
        return describe(target);
    }

    @Override
    public Generation recover() {
        return rebuild();
    }

    /** One lock per batch: the reader is the only writer, queries never wait for it. */
    @Override
    public synchronized List<PositionedEvent> apply(List<PositionedEvent> batch) {
        if (target == null) {
            resume();
        }
        Contents into = target;
        List<PositionedEvent> applied = new ArrayList<>(batch.size());
        for (PositionedEvent e : batch) {
            Long done = into.positions.get(e.partition());
            if (done != null && e.offset() <= done) {
                continue;
            }
            String sku = e.event().sku();
            SkuStock current = into.stock.get(sku);
            into.stock.put(sku, (current == null ? SkuStock.empty(sku) : current).apply(e.event(), e.eventTime()));
            into.positions.put(e.partition(), e.offset());
            applied.add(e);
        }
        return applied;
    }

    /** Memory is not lost behind the reader's back: nothing to check. */
    @Override
    public void check() {}

    @Override
    public synchronized void promote() {
        served = target;
    }

    @Override
    public synchronized Map<Integer, Long> positions() {
        return served == null ? Map.of() : Map.copyOf(served.positions);
    }

    @Override
    public boolean keepsSnapshots() {
        return true;
    }

    private Contents fresh() {
        return new Contents(Long.toString(++generations));
    }

    private Generation describe(Contents contents) {
        return new Generation(contents.id, contents.positions, contents == served);
    }

    private static final class Contents {
        final String id;
        final Map<String, SkuStock> stock = new ConcurrentHashMap<>();
        final Map<Integer, Long> positions = new HashMap<>();

        Contents(String id) {
            this.id = id;
        }
    }
}
