package org.cosmicstock.allocation.domain;

/** An order line and the batch it is allocated to. */
public record Allocation(OrderLine line, String batchReference) {}
