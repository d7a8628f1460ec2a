package org.cosmicstock.orders.adapters.web;

import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.messaging.bus.StaleAggregate;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the orders API answers what went wrong, as problem+json: the client's mistake (400) or ours (503). */
@RestControllerAdvice(assignableTypes = OrdersController.class)
class OrdersProblems {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersProblems.class);

    @ExceptionHandler(ContractViolation.class)
    ResponseEntity<ProblemDetail> invalid(ContractViolation violation) {
        return ApiProblems.invalid(violation);
    }

    /** Only after repeated conflicts on one order, which retrying resolves (see OrdersController). */
    @ExceptionHandler(StaleAggregate.class)
    ResponseEntity<ProblemDetail> conflict(StaleAggregate conflict) {
        return ApiProblems.unavailable(
                "The order was being changed concurrently; placing the same orderId again is" + " safe");
    }

    @ExceptionHandler(PersistenceFailure.class)
    ResponseEntity<ProblemDetail> databaseAway(PersistenceFailure failure) {
        LOG.warn("Answering 503: {}", failure.toString());
        return ApiProblems.unavailable("The orders database cannot be reached; placing the same orderId again is safe");
    }
}
