package org.cosmicstock.schemas.limits;

/**
 * The limits of the contract, stated once for HTTP and for commands from Kafka alike: ids, refs and
 * SKUs are 1–128 characters with no whitespace or control characters; quantities 1–1,000,000 (0
 * allowed where a command says so); an order has 1–100 lines; an HTTP body is at most 64 KiB.
 *
 * <p>"Control characters" is read the way Unicode means it, not only ASCII: the categories Cc
 * (C0/C1 controls, NUL), Cf (format: zero-width space and joiners, bidirectional overrides such
 * as U+202E, the byte-order mark) and Cs (a lone surrogate, which is not text at all and which
 * PostgreSQL cannot store). Each of them can forge or hide what a log line or a screen shows.
 * Letters of every script, digits, punctuation, symbols and combining marks are allowed.
 *
 * <p>Plain Java on purpose: the web adapters and the Avro command mapping call the same rules.
 */
public final class ContractLimits {

    public static final int MAX_IDENTIFIER_LENGTH = 128;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_LINES = 100;
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private ContractLimits() {}

    /** Returns {@code value} if it is a valid id, ref or SKU, else throws naming {@code field}. */
    public static String identifier(String field, String value) {
        if (value == null) {
            throw new ContractViolation(field, "is required");
        }
        if (value.isEmpty()) {
            throw new ContractViolation(field, "must not be empty");
        }
        String problem = identifierProblem(value);
        if (problem != null) {
            throw new ContractViolation(field, problem);
        }
        return value;
    }

    /**
     * What is wrong with a non-empty {@code value} as an id, ref or SKU, or null if nothing is: for a caller that
     * answers without an exception (the stock view's lookup before Spring MVC).
     */
    public static String identifierProblem(String value) {
        // Counted in characters (code points), not UTF-16 units or bytes; checked before the scan
        // below so that a megabyte-long value costs no more than a short one.
        if (value.length() > 2 * MAX_IDENTIFIER_LENGTH
                || value.codePointCount(0, value.length()) > MAX_IDENTIFIER_LENGTH) {
            return "must be at most " + MAX_IDENTIFIER_LENGTH + " characters";
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

    /** Returns {@code value} as an int if it lies in {@code min}..{@link #MAX_QUANTITY}, else throws. */
    public static int quantity(String field, long value, int min) {
        if (value < min || value > MAX_QUANTITY) {
            throw new ContractViolation(field, "must be between " + min + " and " + MAX_QUANTITY);
        }
        return (int) value;
    }

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
