package org.cosmicstock.stockview.adapters.web;

/** A request parameter outside the contract's limits; the message names the field and never echoes the value. */
final class InvalidParameter extends RuntimeException {

    private final String field;

    InvalidParameter(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
