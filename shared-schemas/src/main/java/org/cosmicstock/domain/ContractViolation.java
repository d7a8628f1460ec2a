package org.cosmicstock.domain;

import java.util.function.Supplier;

/**
 * A value outside the limits of the contract ({@code docs/CONTRACT.md}, "Limits"). It names the
 * field, so that an HTTP answer or a dead-letter reason tells the sender exactly what to fix; the
 * offending value is never echoed (it may be megabytes long or hold control characters).
 */
public final class ContractViolation extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public ContractViolation(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field as the sender wrote it, e.g. {@code orderId} or {@code lines[3].qty}. */
    public String field() {
        return field;
    }

    /**
     * What {@code build} makes; a violation it throws is thrown naming the field as the sender wrote it
     * ({@code lines[3].sku} rather than {@code sku}), with the same reason.
     */
    static <T> T naming(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (ContractViolation violation) {
            throw field.equals(violation.field) ? violation : new ContractViolation(field, violation.reason);
        }
    }
}
