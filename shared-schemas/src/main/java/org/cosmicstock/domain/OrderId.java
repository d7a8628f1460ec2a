package org.cosmicstock.domain;

/**
 * A customer order's id: an order line is its order and its SKU. Valid once built: {@link Identifiers}' rule (1–128 characters, no
 * whitespace or control characters) is checked here and nowhere else.
 */
public record OrderId(String value) {

    public OrderId {
        Identifiers.check("orderId", value);
    }

    /** A OrderId from what a sender wrote as {@code field}; a violation names that field. */
    public static OrderId of(String field, String value) {
        return ContractViolation.naming(field, () -> new OrderId(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
