package org.cosmicstock.stockview.domain;

import java.time.LocalDate;

/** A new batch of {@code qty} units; {@code eta} null means it is in the warehouse. */
public record BatchCreated(String ref, String sku, int qty, LocalDate eta) implements Event {}
