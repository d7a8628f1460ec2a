package org.cosmicstock.allocation.domain;

import java.time.LocalDate;

/** {@code eta} null means the stock is in the warehouse. */
public record CreateBatch(String ref, String sku, int qty, LocalDate eta) implements Command {}
