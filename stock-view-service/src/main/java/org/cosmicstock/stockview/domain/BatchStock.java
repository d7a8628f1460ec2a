package org.cosmicstock.stockview.domain;

import java.time.LocalDate;

/** What one batch holds: bought, promised to order lines, and what is left. {@code eta} null = in the warehouse. */
public record BatchStock(String batchRef, int purchased, int allocated, LocalDate eta) {

    public int available() {
        return purchased - allocated;
    }

    /** In the warehouse, or due on or before {@code today}. */
    public boolean arrivedBy(LocalDate today) {
        return eta == null || !eta.isAfter(today);
    }

    BatchStock withPurchased(int qty) {
        return new BatchStock(batchRef, qty, allocated, eta);
    }

    BatchStock withAllocated(int qty) {
        return new BatchStock(batchRef, purchased, qty, eta);
    }
}
