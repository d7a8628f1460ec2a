package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.cosmicstock.domain.RaisedEvents;

/**
 * The aggregate: every batch of one SKU, and the only way to change them. Each change bumps {@link
 * #versionNumber()}, which the repository uses to refuse a second commit from the same version.
 *
 * <p>Batches carry their allocated quantity; the lines themselves are the product's {@link
 * AllocatedLines}, asked when a rule needs one (is this line allocated? which lines does a shrinking
 * batch give up?) and told what changed. What to write back is the repository's business.
 */
public final class Product {

    private final String sku;
    private final List<Batch> batches;
    private final AllocatedLines lines;
    private final RaisedEvents<Event> events = new RaisedEvents<>();
    private int versionNumber;

    /** A product whose lines are all in memory (a new one has none). */
    public Product(String sku, int versionNumber, List<Batch> batches) {
        this(sku, versionNumber, batches, new LinesInMemory());
    }

    public Product(String sku, int versionNumber, List<Batch> batches, AllocatedLines lines) {
        this.sku = sku;
        this.versionNumber = versionNumber;
        this.batches = new ArrayList<>(batches);
        this.lines = lines;
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
        events.add(new Event.BatchCreated(reference, sku, qty, eta));
        return true;
    }

    /**
     * Allocates the line to warehouse stock first, then the earliest batch that can take it whole. A
     * line already allocated stays where it is and raises nothing, so no consumer counts it twice.
     * The {@link Event.Allocated} it raises carries the batch's allocated total with this line in it.
     */
    public Optional<String> allocate(OrderLine line) {
        Optional<String> holding = lines.batchOf(line.orderId());
        if (holding.isPresent()) {
            return holding;
        }
        Optional<Batch> chosen = batches.stream()
                .sorted(Batch.ALLOCATION_ORDER)
                .filter(b -> b.canAllocate(line))
                .findFirst();
        if (chosen.isEmpty()) {
            events.add(new Event.OutOfStock(
                    line.orderId().value(), line.sku().value(), line.qty().value()));
            return Optional.empty();
        }
        Batch batch = chosen.get();
        batch.allocate(line);
        lines.add(new Allocation(line, batch.reference()));
        versionNumber++;
        events.add(new Event.Allocated(
                line.orderId().value(),
                line.sku().value(),
                line.qty().value(),
                batch.reference(),
                batch.allocatedQuantity()));
        return Optional.of(batch.reference());
    }

    /**
     * Sets a batch's purchased quantity and gives up its newest lines until it is no longer
     * over-allocated: one {@link Event.Deallocated} per line, naming the batch and its allocated total once
     * that line left, so the totals fall line by line.
     */
    public void changeBatchQuantity(String reference, int qty) {
        Batch batch = batch(reference)
                .orElseThrow(() -> new IllegalArgumentException("No batch " + reference + " in product " + sku));
        batch.changePurchasedQuantity(qty);
        versionNumber++;
        events.add(new Event.BatchQuantityChanged(reference, sku, qty));
        Iterator<OrderLine> newest = lines.newestFirst(reference);
        while (batch.availableQuantity() < 0) {
            OrderLine line = newest.next();
            batch.deallocate(line);
            lines.remove(new Allocation(line, reference));
            events.add(new Event.Deallocated(
                    line.orderId().value(),
                    line.sku().value(),
                    line.qty().value(),
                    reference,
                    batch.allocatedQuantity()));
        }
    }

    /** The events raised since the last call, oldest first. */
    public List<Event> drainEvents() {
        return events.drain();
    }
}
