package org.cosmicstock.allocation.domain;

/** A well-formed Allocate that cannot be applied, such as one for a SKU no batch was ever created for. */
public record AllocationRejected(String orderId, String sku, int qty, String reason) implements Event {}
