package org.cosmicstock.domain;

/**
 * A batch's reference, unique across SKUs. Valid once built: {@link Identifiers}' rule (1–128 characters, no
 * whitespace or control characters) is checked here and nowhere else.
 */
public record BatchRef(String value) {

    public BatchRef {
        Identifiers.check("ref", value);
    }

    /** A BatchRef from what a sender wrote as {@code field}; a violation names that field. */
    public static BatchRef of(String field, String value) {
        return ContractViolation.naming(field, () -> new BatchRef(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
