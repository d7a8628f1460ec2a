package org.cosmicstock.stockview.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The availability of one SKU: its batches, and which batch holds each allocated order line (a
 * Deallocated event names the line, not the batch). Immutable: applying an event gives a new value,
 * so readers never see half an update.
 *
 * @param batches by reference, in the order the batches were created: among batches due the same
 *     day the allocation service tries the oldest first, so the view must know which that is
 * @param lines order id → batch reference of each allocated line
 * @param lastEventTime when the newest applied event was created: how fresh this answer is
 */
public record SkuStock(String sku, Map<String, BatchStock> batches, Map<String, String> lines, Instant lastEventTime) {

    private static final Comparator<BatchStock> ALLOCATION_ORDER =
            Comparator.comparing(BatchStock::eta, Comparator.nullsFirst(Comparator.naturalOrder()));

    public SkuStock {
        batches = Collections.unmodifiableMap(new LinkedHashMap<>(batches));
        lines = Map.copyOf(lines);
    }

    public static SkuStock empty(String sku) {
        return new SkuStock(sku, Map.of(), Map.of(), Instant.EPOCH);
    }

    /**
     * Batches in the order the allocation rules try them: warehouse stock first, then earliest eta,
     * then (the sort being stable) the order they were created.
     */
    public List<BatchStock> batchesInAllocationOrder() {
        return batches.values().stream().sorted(ALLOCATION_ORDER).toList();
    }

    public int availableNow(LocalDate today) {
        return batches.values().stream()
                .filter(b -> b.arrivedBy(today))
                .mapToInt(b -> Math.max(0, b.available()))
                .sum();
    }

    /** The batch the allocation rules would pick for {@code qty} units: the first that can take them whole. */
    public Optional<BatchStock> batchFor(int qty) {
        return batchesInAllocationOrder().stream()
                .filter(b -> b.available() >= qty)
                .findFirst();
    }

    /**
     * This SKU after {@code event}. Java 17 has no exhaustive switch over a sealed interface, so an
     * event type without a branch here is refused loudly, and a test applies every one of them.
     */
    public SkuStock apply(Event event, Instant eventTime) {
        Map<String, BatchStock> nextBatches = new LinkedHashMap<>(batches);
        Map<String, String> nextLines = new LinkedHashMap<>(lines);
        if (event instanceof BatchCreated e) {
            nextBatches.putIfAbsent(e.ref(), new BatchStock(e.ref(), e.qty(), 0, e.eta()));
        } else if (event instanceof BatchQuantityChanged e) {
            nextBatches.computeIfPresent(e.ref(), (ref, b) -> b.withPurchased(e.qty()));
        } else if (event instanceof Allocated e) {
            if (nextLines.putIfAbsent(e.orderId(), e.batchRef()) == null) {
                nextBatches.computeIfPresent(e.batchRef(), (ref, b) -> b.withAllocated(b.allocated() + e.qty()));
            }
        } else if (event instanceof Deallocated e) {
            String batchRef = nextLines.remove(e.orderId());
            if (batchRef != null) {
                nextBatches.computeIfPresent(batchRef, (ref, b) -> b.withAllocated(b.allocated() - e.qty()));
            }
        } else {
            throw new IllegalArgumentException("The view has no rule for " + event);
        }
        Instant newest = eventTime.isAfter(lastEventTime) ? eventTime : lastEventTime;
        return new SkuStock(sku, nextBatches, nextLines, newest);
    }
}
