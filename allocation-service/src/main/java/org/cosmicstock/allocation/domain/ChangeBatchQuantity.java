package org.cosmicstock.allocation.domain;

/** {@code sku} may be null when the producer knows only the batch reference. */
public record ChangeBatchQuantity(String ref, int qty, String sku) implements Command {}
