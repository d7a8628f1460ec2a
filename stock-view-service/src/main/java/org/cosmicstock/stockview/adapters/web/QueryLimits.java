package org.cosmicstock.stockview.adapters.web;

import org.cosmicstock.schemas.limits.ContractLimits;

/**
 * The contract's limits on what a query may carry (docs/CONTRACT.md, "Limits"): a SKU is 1–128
 * characters with no whitespace and no control characters, read as Unicode means them (Cc controls
 * and NUL, Cf format characters such as zero-width spaces and bidirectional marks, Cs lone
 * surrogates); a quantity is a whole number from 1 to 1,000,000. Checked before anything is looked
 * up, so that a megabyte-long or unprintable value costs nothing and is never echoed back. The rules are
 * {@link ContractLimits}'; this class answers them in the view's terms (a problem string, a 400 naming the field).
 */
final class QueryLimits {

    static final int MAX_SKU_LENGTH = ContractLimits.MAX_IDENTIFIER_LENGTH;
    static final int MAX_QUANTITY = ContractLimits.MAX_QUANTITY;

    private QueryLimits() {}

    static String sku(String value) {
        String problem = skuProblem(value);
        if (problem != null) {
            throw new InvalidParameter("sku", problem);
        }
        return value;
    }

    /** What is wrong with {@code value} as a SKU, or null if nothing is. */
    static String skuProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "must not be empty";
        }
        return ContractLimits.identifierProblem(value);
    }

    static int quantity(String value) {
        if (value == null) {
            throw new InvalidParameter("qty", "is required: a whole number from 1 to " + MAX_QUANTITY);
        }
        // 1 to 7 ASCII digits: anything longer is out of range, and is not parsed at all.
        if (value.isEmpty() || value.length() > 7 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidParameter("qty", "must be a whole number from 1 to " + MAX_QUANTITY);
        }
        int qty = Integer.parseInt(value);
        if (qty < 1 || qty > MAX_QUANTITY) {
            throw new InvalidParameter("qty", "must be a whole number from 1 to " + MAX_QUANTITY);
        }
        return qty;
    }
}
