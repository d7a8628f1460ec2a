package org.cosmicstock.stockview.domain;

/** The store holding the view cannot be reached just now: the question may be asked again later. */
public final class ViewUnavailable extends RuntimeException {

    public ViewUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
