package org.cosmicstock.stockview.adapters.web;

import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.cosmicstock.stockview.service.AvailabilityAnswer;
import org.cosmicstock.stockview.service.StockAnswer;
import org.cosmicstock.stockview.service.StockQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The read model's queries; errors are problem+json (Spring's ProblemDetail). Input is checked
 * against the contract's limits (the {@link Sku} and {@link Quantity} value objects) before anything is looked up; a 400 names
 * the field in {@code detail} and in {@code field}.
 */
@RestController
public class StockController {

    private static final String QUANTITY_RULE = "a whole number from 1 to " + Quantity.MAX;

    private final StockQueries queries;
    private final RenderedAnswers rendered;

    public StockController(StockQueries queries, RenderedAnswers rendered) {
        this.queries = queries;
        this.rendered = rendered;
    }

    /** A lookup of the kept answer and its kept JSON, written as bytes ({@link StockLookupFilter} serves most of them). */
    @GetMapping("/stock/{sku}")
    public ResponseEntity<byte[]> stock(@PathVariable String sku) {
        StockAnswer answer = queries.stock(Sku.of("sku", sku).value()).orElseThrow(() -> unknown(sku));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rendered.of(answer));
    }

    @GetMapping("/stock/{sku}/availability")
    public AvailabilityAnswer availability(@PathVariable String sku, @RequestParam(required = false) String qty) {
        String valid = Sku.of("sku", sku).value();
        return queries.availability(valid, quantity(qty)).orElseThrow(() -> unknown(sku));
    }

    @ExceptionHandler(ContractViolation.class)
    public ResponseEntity<ProblemDetail> invalid(ContractViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The view's store is down (Redis): the client may ask again shortly, so 503 rather than 500. */
    @ExceptionHandler(ViewUnavailable.class)
    public ResponseEntity<ProblemDetail> unavailable(ViewUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The stock view cannot be read just now; try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The query's {@code qty} as the contract's quantity (1 to {@link Quantity#MAX}): 1 to 7 ASCII
     * digits; anything else (signs, exponents, other scripts' digits, a megabyte of digits) is refused unparsed.
     */
    private static int quantity(String value) {
        if (value == null) {
            throw new ContractViolation("qty", "is required: " + QUANTITY_RULE);
        }
        if (value.isEmpty() || value.length() > 7 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ContractViolation("qty", "must be " + QUANTITY_RULE);
        }
        int qty = Integer.parseInt(value);
        if (qty < 1 || qty > Quantity.MAX) {
            throw new ContractViolation("qty", "must be " + QUANTITY_RULE);
        }
        return qty;
    }

    private static ResponseStatusException unknown(String sku) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No stock known for sku " + sku);
    }
}
