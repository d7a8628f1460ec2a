package org.cosmicstock.stockview.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.SkuStock;

/**
 * A random but plausible history of allocation events, as the allocation service would emit it
 * (v2 of the contract: allocation events carry the batch's new total): batches created and resized,
 * lines allocated to the first batch that can take them (or out of stock), lines deallocated, a
 * refused allocation now and then, and now and then an event delivered twice. Each step is one event, as the Avro payload for the wire and as the view's domain event
 * (none for OutOfStock and AllocationRejected), and the history folds itself into the stock the view
 * should end up with.
 */
public final class RandomAllocationHistory {

    /** @param domain empty for an event the view does not need */
    public record Step(String sku, SpecificRecord payload, Optional<Event> domain, Instant time) {}

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final Random random;
    private final List<String> skus = new ArrayList<>();
    private final Map<String, Map<String, int[]>> batches = new HashMap<>();
    private final Map<String, LocalDate> etas = new HashMap<>();
    private final Map<String, Allocated> lines = new LinkedHashMap<>();
    private final Map<String, SkuStock> expected = new HashMap<>();
    private Instant clock = Instant.parse("2026-03-01T08:00:00Z");
    private Step previous;
    private int sequence;

    public RandomAllocationHistory(long seed, int skuCount) {
        this.random = new Random(seed);
        for (int i = 0; i < skuCount; i++) {
            skus.add("SKU-" + seed + "-" + i);
        }
    }

    public List<String> skus() {
        return List.copyOf(skus);
    }

    /** The stock every SKU should have once every event so far is applied. */
    public Map<String, SkuStock> expected() {
        return Map.copyOf(expected);
    }

    public Step next() {
        Step event = previous != null && random.nextInt(100) < 3 ? previous : fresh();
        previous = event;
        event.domain()
                .ifPresent(e -> expected.put(
                        e.sku(),
                        expected.getOrDefault(e.sku(), SkuStock.empty(e.sku())).apply(e, event.time())));
        return event;
    }

    private Step fresh() {
        // Now and then an event's time is older than the one before: the view keeps the newest.
        clock = clock.plusSeconds(random.nextInt(100) < 5 ? -30 : 1 + random.nextInt(5));
        String sku = skus.get(random.nextInt(skus.size()));
        int roll = random.nextInt(100);
        if (batches.get(sku) == null || roll < 15) {
            return createBatch(sku);
        }
        if (roll < 22) {
            String ref = pick(new ArrayList<>(batches.get(sku).keySet()));
            int qty = random.nextInt(150);
            batches.get(sku).get(ref)[0] = qty;
            return event(sku, new BatchQuantityChanged(ref, sku, qty), new Event.BatchQuantityChanged(ref, sku, qty));
        }
        if (roll >= 97) {
            String orderId = "order-" + sequence++;
            return new Step(
                    sku,
                    new AllocationRejected(orderId, sku, 1 + random.nextInt(5), "Invalid sku " + sku),
                    Optional.empty(),
                    clock);
        }
        List<Allocated> held =
                lines.values().stream().filter(l -> l.getSku().equals(sku)).toList();
        if (roll < 40 && !held.isEmpty()) {
            Allocated line = pick(held);
            lines.remove(line.getOrderId());
            String ref = line.getBatchRef();
            int total = batches.get(sku).get(ref)[1] -= line.getQty();
            return event(
                    sku,
                    new Deallocated(line.getOrderId(), sku, line.getQty(), ref, total),
                    new Event.Deallocated(line.getOrderId(), sku, line.getQty(), ref, total));
        }
        return allocate(sku);
    }

    private Step createBatch(String sku) {
        String ref = sku + "-batch-" + sequence++;
        int qty = 20 + random.nextInt(180);
        LocalDate eta = random.nextInt(100) < 40 ? null : TODAY.plusDays(random.nextInt(30) - 5);
        batches.computeIfAbsent(sku, s -> new LinkedHashMap<>()).put(ref, new int[] {qty, 0});
        etas.put(ref, eta);
        return event(sku, new BatchCreated(ref, sku, qty, eta), new Event.BatchCreated(ref, sku, qty, eta));
    }

    private Step allocate(String sku) {
        String orderId = "order-" + sequence++;
        int qty = 1 + random.nextInt(12);
        Optional<String> batch = batches.get(sku).entrySet().stream()
                .filter(b -> b.getValue()[0] - b.getValue()[1] >= qty)
                .map(Map.Entry::getKey)
                .min(Comparator.comparing(etas::get, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (batch.isEmpty()) {
            return new Step(sku, new OutOfStock(orderId, sku, qty), Optional.empty(), clock);
        }
        int total = batches.get(sku).get(batch.get())[1] += qty;
        Allocated allocated = new Allocated(orderId, sku, qty, batch.get(), total);
        lines.put(orderId, allocated);
        return event(sku, allocated, new Event.Allocated(orderId, sku, qty, batch.get(), total));
    }

    private Step event(String sku, SpecificRecord payload, Event domain) {
        return new Step(sku, payload, Optional.of(domain), clock);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
