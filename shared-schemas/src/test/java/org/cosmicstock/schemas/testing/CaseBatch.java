package org.cosmicstock.schemas.testing;

import java.time.LocalDate;

/** A batch of an {@link AllocationOrderCase}; {@code eta} null means stock in the warehouse. */
public record CaseBatch(String ref, LocalDate eta, int purchased, int allocated) {}
