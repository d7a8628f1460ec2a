package org.cosmicstock.orders.domain;

/** Derived from the lines: PENDING while any line waits, otherwise ALLOCATED, PARTIALLY_ALLOCATED or OUT_OF_STOCK. */
public enum OrderStatus {
    PENDING,
    ALLOCATED,
    PARTIALLY_ALLOCATED,
    OUT_OF_STOCK
}
