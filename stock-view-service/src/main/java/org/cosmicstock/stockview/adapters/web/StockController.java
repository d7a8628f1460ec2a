package org.cosmicstock.stockview.adapters.web;

import org.cosmicstock.stockview.service.AvailabilityAnswer;
import org.cosmicstock.stockview.service.StockAnswer;
import org.cosmicstock.stockview.service.StockQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The read model's queries; errors are problem+json (Spring's ProblemDetail). */
@RestController
public class StockController {

    private final StockQueries queries;

    public StockController(StockQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/stock/{sku}")
    public StockResponse stock(@PathVariable String sku) {
        return queries.stock(sku).map(StockResponse::from).orElseThrow(() -> unknown(sku));
    }

    @GetMapping("/stock/{sku}/availability")
    public AvailabilityAnswer availability(@PathVariable String sku, @RequestParam int qty) {
        if (qty <= 0) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "qty must be a positive number of units, was " + qty);
        }
        return queries.availability(sku, qty).orElseThrow(() -> unknown(sku));
    }

    private static ResponseStatusException unknown(String sku) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No stock known for sku " + sku);
    }

    /** The JSON of GET /stock/{sku}; {@code asOf} tells how fresh the answer is. */
    public record StockResponse(
            String sku, int availableNow, java.util.List<BatchResponse> batches, java.time.Instant asOf) {
        static StockResponse from(StockAnswer answer) {
            return new StockResponse(
                    answer.sku(),
                    answer.availableNow(),
                    answer.batches().stream()
                            .map(b -> new BatchResponse(b.batchRef(), b.eta(), b.available()))
                            .toList(),
                    answer.asOf());
        }
    }

    public record BatchResponse(String batchRef, java.time.LocalDate eta, int available) {}
}
