package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Stock of one SKU bought together: in the warehouse ({@code eta} null) or arriving on {@code eta}. */
public final class Batch {

    /** Warehouse stock first, then the earliest arrival. */
    static final Comparator<Batch> ALLOCATION_ORDER =
            Comparator.comparing(Batch::eta, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final String reference;
    private final String sku;
    private final LocalDate eta;
    private int purchasedQuantity;
    // By order id (a batch holds one SKU, so the order id identifies the line), in allocation order;
    // the running total keeps availability O(1) however many lines a batch holds.
    private final LinkedHashMap<String, OrderLine> allocations = new LinkedHashMap<>();
    private int allocatedQuantity;

    public Batch(String reference, String sku, int purchasedQuantity, LocalDate eta) {
        this(reference, sku, purchasedQuantity, eta, List.of());
    }

    /** Rebuilds a batch as stored, with its allocations in the order they were made. */
    public Batch(String reference, String sku, int purchasedQuantity, LocalDate eta, List<OrderLine> allocations) {
        this.reference = reference;
        this.sku = sku;
        this.purchasedQuantity = purchasedQuantity;
        this.eta = eta;
        allocations.forEach(this::allocate);
    }

    public String reference() {
        return reference;
    }

    public String sku() {
        return sku;
    }

    public LocalDate eta() {
        return eta;
    }

    public int purchasedQuantity() {
        return purchasedQuantity;
    }

    public int allocatedQuantity() {
        return allocatedQuantity;
    }

    public int availableQuantity() {
        return purchasedQuantity - allocatedQuantity();
    }

    public List<OrderLine> allocations() {
        return List.copyOf(allocations.values());
    }

    public boolean canAllocate(OrderLine line) {
        return sku.equals(line.sku()) && availableQuantity() >= line.qty();
    }

    public boolean holds(OrderLine line) {
        return sku.equals(line.sku()) && allocations.containsKey(line.orderId());
    }

    void allocate(OrderLine line) {
        if (!holds(line)) {
            allocations.put(line.orderId(), line);
            allocatedQuantity += line.qty();
        }
    }

    void changePurchasedQuantity(int qty) {
        this.purchasedQuantity = qty;
    }

    /** Gives up the most recent allocation, if any. */
    Optional<OrderLine> deallocateOne() {
        OrderLine last = null;
        for (OrderLine line : allocations.values()) {
            last = line;
        }
        if (last == null) {
            return Optional.empty();
        }
        allocations.remove(last.orderId());
        allocatedQuantity -= last.qty();
        return Optional.of(last);
    }
}
