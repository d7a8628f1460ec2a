package org.cosmicstock.orders.domain;

/**
 * Derived from the lines: PENDING while any line waits; otherwise ALLOCATED (every line),
 * PARTIALLY_ALLOCATED (some), REJECTED (every line refused, e.g. unknown SKUs) or OUT_OF_STOCK.
 */
public enum OrderStatus {
    PENDING,
    ALLOCATED,
    PARTIALLY_ALLOCATED,
    OUT_OF_STOCK,
    REJECTED
}
