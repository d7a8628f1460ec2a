package org.cosmicstock.messaging.bus;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C trace context ({@code traceparent}) values, so a flow keeps one trace id across services. */
public final class Traceparent {

    private static final Pattern VALID = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_SPAN_ID = "0".repeat(16);

    private Traceparent() {}

    public static String random() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /** The W3C rules: the right shape, version ff forbidden, trace and span ids not all zeros. */
    public static boolean isValid(String value) {
        return value != null
                && VALID.matcher(value).matches()
                && !value.startsWith("ff")
                && !value.substring(3, 35).equals(ZERO_TRACE_ID)
                && !value.substring(36, 52).equals(ZERO_SPAN_ID);
    }

    /** Whether a valid {@code traceparent}'s flags say the trace is recorded (the sampled bit). */
    public static boolean isSampled(String value) {
        return (Character.digit(value.charAt(value.length() - 1), 16) & 1) == 1;
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
