package org.cosmicstock.stockview.adapters.web;

/**
 * The contract's limits on what a query may carry (docs/CONTRACT.md, "Limits"): a SKU is 1–128
 * characters with no whitespace and no control characters, read as Unicode means them (Cc controls
 * and NUL, Cf format characters such as zero-width spaces and bidirectional marks, Cs lone
 * surrogates); a quantity is a whole number from 1 to 1,000,000. Checked before anything is looked
 * up, so that a megabyte-long or unprintable value costs nothing and is never echoed back.
 */
final class QueryLimits {

    static final int MAX_SKU_LENGTH = 128;
    static final int MAX_QUANTITY = 1_000_000;

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
        if (value.length() > 2 * MAX_SKU_LENGTH || value.codePointCount(0, value.length()) > MAX_SKU_LENGTH) {
            return "must be at most " + MAX_SKU_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String problem = forbidden(c);
            if (problem != null) {
                return "must not contain " + problem + " (found U+" + String.format("%04X", c) + " at character "
                        + value.codePointCount(0, i) + ")";
            }
            i += Character.charCount(c);
        }
        return null;
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

    private static String forbidden(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "whitespace";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "an invisible formatting character";
            case Character.SURROGATE -> "a lone surrogate";
            default -> null;
        };
    }
}
