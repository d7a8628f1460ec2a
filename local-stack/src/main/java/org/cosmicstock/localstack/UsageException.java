package org.cosmicstock.localstack;

/** A command line the launcher cannot run; {@link #helpRequested()} when the user asked for usage. */
public final class UsageException extends Exception {
    private final boolean helpRequested;

    private UsageException(String message, boolean helpRequested) {
        super(message);
        this.helpRequested = helpRequested;
    }

    public static UsageException invalid(String message) {
        return new UsageException(message, false);
    }

    public static UsageException help() {
        return new UsageException("help requested", true);
    }

    public boolean helpRequested() {
        return helpRequested;
    }
}
