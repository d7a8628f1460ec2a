package org.cosmicstock.allocation.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.domain.OrderId;

/** A product's lines all in memory, in the order they were allocated: for a new product, and for fakes. */
public final class LinesInMemory implements AllocatedLines {

    private final Map<OrderId, Allocation> lines = new LinkedHashMap<>();

    public LinesInMemory(List<Allocation> allocated) {
        allocated.forEach(this::add);
    }

    public LinesInMemory() {}

    /** Every line, oldest allocation first. */
    public List<Allocation> all() {
        return List.copyOf(lines.values());
    }

    @Override
    public Optional<String> batchOf(OrderId orderId) {
        return Optional.ofNullable(lines.get(orderId)).map(Allocation::batchReference);
    }

    @Override
    public Iterator<OrderLine> newestFirst(String batchReference) {
        List<OrderLine> newest = new ArrayList<>();
        lines.values().stream()
                .filter(a -> a.batchReference().equals(batchReference))
                .forEach(a -> newest.add(0, a.line()));
        return newest.iterator();
    }

    @Override
    public void add(Allocation allocation) {
        lines.remove(allocation.line().orderId());
        lines.put(allocation.line().orderId(), allocation);
    }

    @Override
    public void remove(Allocation allocation) {
        lines.remove(allocation.line().orderId());
    }
}
