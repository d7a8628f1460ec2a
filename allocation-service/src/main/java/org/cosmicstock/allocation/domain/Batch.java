package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
    private final List<OrderLine> allocations;

    public Batch(String reference, String sku, int purchasedQuantity, LocalDate eta) {
        this(reference, sku, purchasedQuantity, eta, List.of());
    }

    /** Rebuilds a batch as stored, with its allocations in the order they were made. */
    public Batch(String reference, String sku, int purchasedQuantity, LocalDate eta, List<OrderLine> allocations) {
        this.reference = reference;
        this.sku = sku;
        this.purchasedQuantity = purchasedQuantity;
        this.eta = eta;
        this.allocations = new ArrayList<>(allocations);
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
        return allocations.stream().mapToInt(OrderLine::qty).sum();
    }

    public int availableQuantity() {
        return purchasedQuantity - allocatedQuantity();
    }

    public List<OrderLine> allocations() {
        return Collections.unmodifiableList(allocations);
    }

    public boolean canAllocate(OrderLine line) {
        return sku.equals(line.sku()) && availableQuantity() >= line.qty();
    }

    public boolean holds(OrderLine line) {
        return allocations.stream().anyMatch(line::sameLineAs);
    }

    void allocate(OrderLine line) {
        if (!holds(line)) {
            allocations.add(line);
        }
    }

    void changePurchasedQuantity(int qty) {
        this.purchasedQuantity = qty;
    }

    /** Gives up the most recent allocation, if any. */
    Optional<OrderLine> deallocateOne() {
        return allocations.isEmpty() ? Optional.empty() : Optional.of(allocations.remove(allocations.size() - 1));
    }
}
