package org.cosmicstock.domain;

/**
 * The one rule for every identifier of the contract (order ids, batch references, SKUs, and the
 * message ids and sources of the envelope): 1–128 characters with no whitespace or control
 * characters.
 *
 * <p>"Control characters" is read the way Unicode means it, not only ASCII: the categories Cc
 * (C0/C1 controls, NUL), Cf (format: zero-width space and joiners, bidirectional overrides such
 * as U+202E, the byte-order mark) and Cs (a lone surrogate, which is not text at all and which
 * PostgreSQL cannot store). Each of them can forge or hide what a log line or a screen shows.
 * Letters of every script, digits, punctuation, symbols and combining marks are allowed.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;

    private Identifiers() {}

    /** Returns {@code value} if it is a valid identifier, else throws naming {@code field}. */
    public static String check(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new ContractViolation(field, problem);
        }
        return value;
    }

    /**
     * What is wrong with {@code value} as an identifier, or null if nothing is: for a caller that
     * answers without an exception (the stock view's lookup before Spring MVC).
     */
    public static String problem(String value) {
        if (value == null) {
            return "is required";
        }
        if (value.isEmpty()) {
            return "must not be empty";
        }
        // Counted in characters (code points), not UTF-16 units or bytes; checked before the scan
        // below so that a megabyte-long value costs no more than a short one.
        if (value.length() > 2 * MAX_LENGTH || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
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
