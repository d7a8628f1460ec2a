package org.cosmicstock.stockview.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cosmicstock.stockview.service.StockAnswer;

/** The JSON of GET /stock/{sku}; {@code asOf} tells how fresh the answer is. */
record StockResponse(String sku, int availableNow, List<Batch> batches, Instant asOf) {

    static StockResponse from(StockAnswer answer) {
        return new StockResponse(
                answer.sku(),
                answer.availableNow(),
                answer.batches().stream()
                        .map(b -> new Batch(b.batchRef(), b.eta(), b.available()))
                        .toList(),
                answer.asOf());
    }

    record Batch(String batchRef, LocalDate eta, int available) {}
}
