package org.cosmicstock.messaging.kafka;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.cosmicstock.messaging.retry.Retrying;

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
        return Retrying.reason(exception);
    }

    /**
     * Whether the producer or the broker refused a record for good: a non-retriable error of Kafka's
     * protocol (too large, not authorised, an invalid record or topic, an unknown server error) or a
     * serialisation failure. Anything else (the broker away, a timeout, too few in-sync replicas, a
     * producer closing, an interrupt) is transient: trying again later can succeed.
     */
    public static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            if (cause instanceof ApiException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
