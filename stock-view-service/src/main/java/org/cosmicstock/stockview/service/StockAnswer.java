package org.cosmicstock.stockview.service;

import java.time.Instant;
import java.util.List;
import org.cosmicstock.stockview.domain.BatchStock;

/** @param asOf when the newest event behind this answer was created: how fresh it is */
public record StockAnswer(String sku, int availableNow, List<BatchStock> batches, Instant asOf) {}
