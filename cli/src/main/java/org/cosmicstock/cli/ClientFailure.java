package org.cosmicstock.cli;

/** What went wrong outside the command line (a broker, a registry, a record), said so the user can act on it. */
final class ClientFailure extends RuntimeException {

    ClientFailure(String message) {
        super(message);
    }

    ClientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
