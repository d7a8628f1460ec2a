package org.cosmicstock.stockview.service;

import java.time.Instant;
import java.time.LocalDate;

/** @param eta the earliest date one batch can take the units (today for stock already in), null if none can */
public record AvailabilityAnswer(
        String sku, int qty, boolean canAllocate, LocalDate eta, String batchRef, Instant asOf) {}
