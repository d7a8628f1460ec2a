package org.cosmicstock.schemas.limits;

import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.Identifiers;
import org.cosmicstock.domain.Quantity;

/**
 * The limits of the contract that are not a value's own: an order has 1–100 lines; an HTTP body is
 * at most 64 KiB. The limits of ids, refs, SKUs and quantities are their value types'
 * ({@code org.cosmicstock.domain}: {@link Identifiers}, {@link Quantity}), checked when one is built.
 */
public final class ContractLimits {

    public static final int MAX_LINES = 100;
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private ContractLimits() {}

    /** Checks the number of lines of one order; {@code field} is how the sender names the list. */
    public static int lines(String field, int count) {
        if (count < 1 || count > MAX_LINES) {
            throw new ContractViolation(field, "must hold between 1 and " + MAX_LINES + " lines");
        }
        return count;
    }

    /** Checks the number of lines of one order, as the field {@code lines}. */
    public static int lines(int count) {
        return lines("lines", count);
    }
}
