package org.cosmicstock.domain;

/**
 * A number of units, 0 to 1,000,000. Most of the contract's quantities (an order line's, a new
 * batch's) are at least one unit, built with {@link #of}; a batch's changed quantity may be zero
 * ({@link #orZero}).
 */
public record Quantity(int value) implements Comparable<Quantity> {

    public static final int MAX = 1_000_000;

    public Quantity {
        check("qty", value, 0);
    }

    /** One unit or more: what a sender wrote as {@code field}, e.g. {@code lines[2].qty}. */
    public static Quantity of(String field, long value) {
        return new Quantity(check(field, value, 1));
    }

    /** Zero units or more: what a sender wrote as {@code field}. */
    public static Quantity orZero(String field, long value) {
        return new Quantity(check(field, value, 0));
    }

    /** One unit or more, for a value that needs no field named (a test, a stored line). */
    public static Quantity of(int value) {
        return of("qty", value);
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }

    private static int check(String field, long value, int min) {
        if (value < min || value > MAX) {
            throw new ContractViolation(field, "must be between " + min + " and " + MAX);
        }
        return (int) value;
    }
}
