package org.cosmicstock.allocation.domain;

import java.time.LocalDate;

public record BatchCreated(String ref, String sku, int qty, LocalDate eta) implements Event {}
