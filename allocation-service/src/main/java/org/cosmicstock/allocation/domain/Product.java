package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The aggregate: every batch of one SKU, and the only way to change them. Each change bumps {@link
 * #versionNumber()}, which the repository uses to refuse a second commit from the same version.
 *
 * <p>Batches carry their allocated quantity; the lines themselves are looked up through {@link
 * AllocatedLines} when a rule needs one (is this line allocated? which lines does a shrinking batch
 * give up?). What changed since loading is kept here, so the repository writes only that.
 */
public final class Product {

    private final String sku;
    private final List<Batch> batches;
    private final AllocatedLines stored;
    // Lines allocated since loading, in allocation order, and stored lines given up since loading.
    private final LinkedHashMap<String, Allocation> allocatedSinceLoad = new LinkedHashMap<>();
    private final Map<String, Allocation> deallocatedSinceLoad = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private int versionNumber;

    public Product(String sku, int versionNumber, List<Batch> batches) {
        this(sku, versionNumber, batches, AllocatedLines.NONE);
    }

    public Product(String sku, int versionNumber, List<Batch> batches, AllocatedLines stored) {
        this.sku = sku;
        this.versionNumber = versionNumber;
        this.batches = new ArrayList<>(batches);
        this.stored = stored;
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

    /** The batch holding this product's line of {@code orderId}, if one does. */
    public Optional<String> allocationOf(String orderId) {
        Allocation made = allocatedSinceLoad.get(orderId);
        if (made != null) {
            return Optional.of(made.batchReference());
        }
        if (deallocatedSinceLoad.containsKey(orderId)) {
            return Optional.empty();
        }
        return stored.batchOf(orderId);
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
     * The {@link Allocated} it raises carries the batch's allocated total with this line in it.
     */
    public Optional<String> allocate(OrderLine line) {
        Optional<String> holding = allocationOf(line.orderId().value());
        if (holding.isPresent()) {
            return holding;
        }
        Optional<Batch> chosen = batches.stream()
                .sorted(Batch.ALLOCATION_ORDER)
                .filter(b -> b.canAllocate(line))
                .findFirst();
        if (chosen.isEmpty()) {
            events.add(new OutOfStock(
                    line.orderId().value(), line.sku().value(), line.qty().value()));
            return Optional.empty();
        }
        Batch batch = chosen.get();
        batch.allocate(line);
        allocatedSinceLoad.put(line.orderId().value(), new Allocation(line, batch.reference()));
        versionNumber++;
        events.add(new Allocated(
                line.orderId().value(),
                line.sku().value(),
                line.qty().value(),
                batch.reference(),
                batch.allocatedQuantity()));
        return Optional.of(batch.reference());
    }

    /**
     * Sets a batch's purchased quantity and gives up its newest lines until it is no longer
     * over-allocated: one {@link Deallocated} per line, naming the batch and its allocated total once
     * that line left, so the totals fall line by line.
     */
    public void changeBatchQuantity(String reference, int qty) {
        Batch batch = batch(reference)
                .orElseThrow(() -> new IllegalArgumentException("No batch " + reference + " in product " + sku));
        batch.changePurchasedQuantity(qty);
        versionNumber++;
        events.add(new BatchQuantityChanged(reference, sku, qty));
        Iterator<OrderLine> newest = linesNewestFirst(reference);
        while (batch.availableQuantity() < 0) {
            OrderLine line = newest.next();
            batch.deallocate(line);
            if (allocatedSinceLoad.remove(line.orderId().value()) == null) {
                deallocatedSinceLoad.put(line.orderId().value(), new Allocation(line, reference));
            }
            events.add(new Deallocated(
                    line.orderId().value(),
                    line.sku().value(),
                    line.qty().value(),
                    reference,
                    batch.allocatedQuantity()));
        }
    }

    /** Lines allocated since loading and still allocated: what the repository inserts. */
    public Collection<Allocation> allocatedSinceLoad() {
        return Collections.unmodifiableCollection(allocatedSinceLoad.values());
    }

    /** Stored lines given up since loading: what the repository deletes. */
    public Collection<Allocation> deallocatedSinceLoad() {
        return Collections.unmodifiableCollection(deallocatedSinceLoad.values());
    }

    /** The events raised since the last call, oldest first. */
    public List<Event> drainEvents() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Event> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** Lines allocated since loading (newest first), then the stored ones still held, newest first. */
    private Iterator<OrderLine> linesNewestFirst(String reference) {
        List<OrderLine> recent = new ArrayList<>();
        for (Allocation allocation : allocatedSinceLoad.values()) {
            if (allocation.batchReference().equals(reference)) {
                recent.add(0, allocation.line());
            }
        }
        Iterator<OrderLine> older = stored.newestFirst(reference);
        Iterator<OrderLine> newer = recent.iterator();
        return new Iterator<>() {
            // Read lazily: a shrinking batch reads only the lines it gives up, not one more.
            private OrderLine next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public OrderLine next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("Batch " + reference + " holds no more lines");
                }
                OrderLine line = next;
                next = null;
                return line;
            }

            private OrderLine advance() {
                if (newer.hasNext()) {
                    return newer.next();
                }
                while (older.hasNext()) {
                    OrderLine line = older.next();
                    if (!deallocatedSinceLoad.containsKey(line.orderId().value())) {
                        return line;
                    }
                }
                return null;
            }
        };
    }
}
