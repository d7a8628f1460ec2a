package org.cosmicstock.allocation.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Stock of one SKU bought together: in the warehouse ({@code eta} null) or arriving on {@code eta}.
 * It keeps how much of it is allocated, not the lines themselves: which lines it holds is the
 * product's business, looked up when needed, so a batch costs the same however many lines it holds.
 */
public final class Batch {

    /** Warehouse stock first, then the earliest arrival; the sort is stable, so ties keep creation order. */
    static final Comparator<Batch> ALLOCATION_ORDER =
            Comparator.comparing(Batch::eta, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final String reference;
    private final String sku;
    private final LocalDate eta;
    private int purchasedQuantity;
    private int allocatedQuantity;

    public Batch(String reference, String sku, int purchasedQuantity, LocalDate eta) {
        this(reference, sku, purchasedQuantity, 0, eta);
    }

    /** A batch as stored, with the quantity already allocated from it. */
    public Batch(String reference, String sku, int purchasedQuantity, int allocatedQuantity, LocalDate eta) {
        if (allocatedQuantity < 0) {
            throw new IllegalArgumentException("allocated quantity cannot be negative, was " + allocatedQuantity);
        }
        this.reference = reference;
        this.sku = sku;
        this.purchasedQuantity = purchasedQuantity;
        this.allocatedQuantity = allocatedQuantity;
        this.eta = eta;
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
        return purchasedQuantity - allocatedQuantity;
    }

    public boolean canAllocate(OrderLine line) {
        return sku.equals(line.sku().value())
                && availableQuantity() >= line.qty().value();
    }

    void allocate(OrderLine line) {
        allocatedQuantity += line.qty().value();
    }

    void deallocate(OrderLine line) {
        allocatedQuantity -= line.qty().value();
    }

    void changePurchasedQuantity(int qty) {
        this.purchasedQuantity = qty;
    }
}
