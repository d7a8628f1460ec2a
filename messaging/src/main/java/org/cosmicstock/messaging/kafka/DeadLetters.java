package org.cosmicstock.messaging.kafka;

/**
 * Dead letters are for what can never succeed: bytes that do not decode, a payload that breaks the
 * contract. They go to {@code <topic>.DLT} with the original key, value and headers, plus where they
 * came from and why ({@code dlt_reason}, one line).
 */
public final class DeadLetters {

    public static final String SUFFIX = ".DLT";
    public static final String REASON_HEADER = "dlt_reason";

    private DeadLetters() {}

    /** The root cause as "ExceptionClass: message", which is what an operator needs first. */
    public static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause && isWrapper(cause)) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static boolean isWrapper(Throwable exception) {
        return exception.getClass().getName().endsWith("ExecutionException");
    }
}
