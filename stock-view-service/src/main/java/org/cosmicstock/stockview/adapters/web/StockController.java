package org.cosmicstock.stockview.adapters.web;

import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.cosmicstock.stockview.service.AvailabilityAnswer;
import org.cosmicstock.stockview.service.StockAnswer;
import org.cosmicstock.stockview.service.StockQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /** The view's store is down (Redis): the client may ask again shortly, so 503 rather than 500. */
    @ExceptionHandler(ViewUnavailable.class)
    public ResponseEntity<ProblemDetail> unavailable(ViewUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The stock view cannot be read just now; try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
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
