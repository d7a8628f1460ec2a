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
 * The availability of one SKU: its batches with their purchased and allocated units. Immutable:
 * applying an event gives a new value, so readers never see half an update. Its size depends on the
 * batches, never on how many lines were allocated: events of v2 of the contract carry the batch's new
 * allocated total, which the view sets (a duplicate delivery then changes nothing); older events
 * carry only the line's quantity, which it adds or subtracts.
 *
 * @param batches by reference, in the order the batches were created: among batches due the same
 *     day the allocation service tries the oldest first, so the view must know which that is
 * @param lastChangedBatch the batch of the newest {@link Event.BatchQuantityChanged} (null if none): the
 *     batch a {@link Event.Deallocated} without a batch reference (before v2) gave its units back to
 * @param lastEventTime when the newest applied event was created: how fresh this answer is
 */
public record SkuStock(String sku, Map<String, BatchStock> batches, String lastChangedBatch, Instant lastEventTime) {

    private static final Comparator<BatchStock> ALLOCATION_ORDER =
            Comparator.comparing(BatchStock::eta, Comparator.nullsFirst(Comparator.naturalOrder()));

    public SkuStock {
        batches = Collections.unmodifiableMap(new LinkedHashMap<>(batches));
    }

    public static SkuStock empty(String sku) {
        return new SkuStock(sku, Map.of(), null, Instant.EPOCH);
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
        String changed = lastChangedBatch;
        if (event instanceof Event.BatchCreated e) {
            nextBatches.putIfAbsent(e.ref(), new BatchStock(e.ref(), e.qty(), 0, e.eta()));
        } else if (event instanceof Event.BatchQuantityChanged e) {
            nextBatches.computeIfPresent(e.ref(), (ref, b) -> b.withPurchased(e.qty()));
            changed = e.ref();
        } else if (event instanceof Event.Allocated e) {
            nextBatches.computeIfPresent(
                    e.batchRef(),
                    (ref, b) ->
                            b.withAllocated(e.batchAllocated() != null ? e.batchAllocated() : b.allocated() + e.qty()));
        } else if (event instanceof Event.Deallocated e) {
            String batchRef = e.batchRef() != null ? e.batchRef() : lastChangedBatch;
            if (batchRef != null) {
                nextBatches.computeIfPresent(
                        batchRef,
                        (ref, b) -> b.withAllocated(
                                e.batchAllocated() != null ? e.batchAllocated() : b.allocated() - e.qty()));
            }
        } else {
            throw new IllegalArgumentException("The view has no rule for " + event);
        }
        Instant newest = eventTime.isAfter(lastEventTime) ? eventTime : lastEventTime;
        return new SkuStock(sku, nextBatches, changed, newest);
    }
}
