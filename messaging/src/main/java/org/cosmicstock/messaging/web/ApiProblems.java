package org.cosmicstock.messaging.web;

import java.time.Duration;
import org.cosmicstock.domain.ContractViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The problems the services' HTTP APIs answer with, worded the same way in every service. */
public final class ApiProblems {

    /** How long a client should wait before retrying when the service's database is away. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private ApiProblems() {}

    /** 400 naming the field that broke the contract's limits; the {@code field} property repeats it. */
    public static ResponseEntity<ProblemDetail> invalid(ContractViolation violation) {
        return invalid(violation.field(), violation.getMessage());
    }

    public static ResponseEntity<ProblemDetail> invalid(String field, String detail) {
        ProblemDetail problem = ProblemResponse.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    /** 503 with {@code Retry-After}: the request was fine, something the service needs is not. */
    public static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemResponse.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }
}
