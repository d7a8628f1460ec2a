package org.cosmicstock.orders.domain;

/** Where a line stands: waiting for the allocation service, allocated, out of stock, or refused by it. */
public enum LineStatus {
    PENDING,
    ALLOCATED,
    OUT_OF_STOCK,
    REJECTED
}
