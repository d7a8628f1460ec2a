package org.cosmicstock.allocation.adapters.web;

import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.messaging.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the allocations view answers what went wrong, as problem+json: the client's mistake (400) or ours (503). */
@RestControllerAdvice(assignableTypes = AllocationsController.class)
class AllocationsProblems {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationsProblems.class);

    @ExceptionHandler(ContractViolation.class)
    ResponseEntity<ProblemDetail> invalid(ContractViolation violation) {
        return ApiProblems.invalid(violation);
    }

    /** The database is away or overloaded (no connection, timeout): the client may retry; a bug stays a 500. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        RecoverableDataAccessException.class
    })
    ResponseEntity<ProblemDetail> databaseAway(RuntimeException failure) {
        LOG.warn("Answering 503: {}", failure.toString());
        return ApiProblems.unavailable("The allocation database cannot be reached; try again");
    }
}
