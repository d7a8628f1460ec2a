package org.cosmicstock.domain;

/**
 * A stock-keeping unit: what a product, its batches and an order line are of. Valid once built: {@link Identifiers}' rule (1–128 characters, no
 * whitespace or control characters) is checked here and nowhere else.
 */
public record Sku(String value) {

    public Sku {
        Identifiers.check("sku", value);
    }

    /** A Sku from what a sender wrote as {@code field}; a violation names that field. */
    public static Sku of(String field, String value) {
        return ContractViolation.naming(field, () -> new Sku(value));
    }

    /**
     * What is wrong with {@code value} as a SKU, or null if nothing is: for a caller that answers
     * without an exception, such as the stock view's lookup, with the same reasons as {@link #of}.
     */
    public static String problem(String value) {
        return Identifiers.problem(value);
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    @Override
    public String toString() {
        return value;
    }
}
