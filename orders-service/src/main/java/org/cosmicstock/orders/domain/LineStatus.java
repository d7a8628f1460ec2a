package org.cosmicstock.orders.domain;

public enum LineStatus {
    PENDING,
    ALLOCATED,
    OUT_OF_STOCK
}
