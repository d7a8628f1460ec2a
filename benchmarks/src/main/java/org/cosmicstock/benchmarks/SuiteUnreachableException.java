package org.cosmicstock.benchmarks;

/** The broker cannot be reached or the suite's topics are not there: nothing was measured. */
final class SuiteUnreachableException extends Exception {

    SuiteUnreachableException(String message) {
        super(message);
    }

    SuiteUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
