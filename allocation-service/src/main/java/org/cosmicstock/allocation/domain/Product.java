package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The aggregate: every batch of one SKU, and the only way to change them. Each change bumps {@link
 * #versionNumber()}, which the repository uses to refuse a second commit from the same version.
 */
public final class Product {

    private final String sku;
    private final List<Batch> batches;
    private final List<Event> events = new ArrayList<>();
    private int versionNumber;

    public Product(String sku, int versionNumber, List<Batch> batches) {
        this.sku = sku;
        this.versionNumber = versionNumber;
        this.batches = new ArrayList<>(batches);
    }

    public String sku() {
        return sku;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public List<Batch> batches() {
        return Collections.unmodifiableList(batches);
    }

    public Optional<Batch> batch(String reference) {
        return batches.stream().filter(b -> b.reference().equals(reference)).findFirst();
    }

    /** Adds a batch; false (and no change) when a batch with this reference already exists. */
    public boolean addBatch(String reference, int qty, LocalDate eta) {
        if (batch(reference).isPresent()) {
            return false;
        }
        batches.add(new Batch(reference, sku, qty, eta));
        versionNumber++;
        events.add(new BatchCreated(reference, sku, qty, eta));
        return true;
    }

    /**
     * Allocates the line to warehouse stock first, then the earliest batch that can take it whole. A
     * line already allocated stays where it is and raises nothing, so no consumer counts it twice.
     */
    public Optional<String> allocate(OrderLine line) {
        Optional<Batch> holding = batches.stream().filter(b -> b.holds(line)).findFirst();
        if (holding.isPresent()) {
            return holding.map(Batch::reference);
        }
        Optional<Batch> chosen = batches.stream()
                .sorted(Batch.ALLOCATION_ORDER)
                .filter(b -> b.canAllocate(line))
                .findFirst();
        if (chosen.isEmpty()) {
            events.add(new OutOfStock(line.orderId(), line.sku(), line.qty()));
            return Optional.empty();
        }
        Batch batch = chosen.get();
        batch.allocate(line);
        versionNumber++;
        events.add(new Allocated(line.orderId(), line.sku(), line.qty(), batch.reference()));
        return Optional.of(batch.reference());
    }

    /** Sets a batch's purchased quantity and gives up allocations until it is no longer over-allocated. */
    public void changeBatchQuantity(String reference, int qty) {
        Batch batch = batch(reference)
                .orElseThrow(() -> new IllegalArgumentException("No batch " + reference + " in product " + sku));
        batch.changePurchasedQuantity(qty);
        versionNumber++;
        events.add(new BatchQuantityChanged(reference, sku, qty));
        while (batch.availableQuantity() < 0) {
            OrderLine line = batch.deallocateOne().orElseThrow();
            events.add(new Deallocated(line.orderId(), line.sku(), line.qty()));
        }
    }

    /** The events raised since the last call, oldest first. */
    public List<Event> drainEvents() {
        List<Event> drained = List.copyOf(events);
        events.clear();
        return drained;
    }
}
