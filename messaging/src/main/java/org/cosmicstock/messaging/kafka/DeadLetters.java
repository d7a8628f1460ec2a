package org.cosmicstock.messaging.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageDecodingException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;

/**
 * Retry and dead-letter policy of every consumer: a message that can never succeed (undecodable,
 * invalid, rejected by the domain) goes to {@code <topic>.DLT} at once and counts as {@code
 * invalid}; anything else is retried with backoff and, once retries run out, dead-lettered and
 * counted as {@code dead_lettered}. The DLT record keeps the original key, value and headers, and
 * Spring Kafka adds the original topic, partition, offset, consumer group and the exception; the
 * {@code dlt_reason} header says why in one line.
 */
public final class DeadLetters {

    public static final String SUFFIX = ".DLT";
    public static final String REASON_HEADER = "dlt_reason";

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, IncomingMessages incoming, MessagingMetrics metrics, BackOff backOff) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                template, (record, exception) -> new TopicPartition(record.topic() + SUFFIX, -1));
        publisher.setHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {
            new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8))
        }));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    publisher.accept(record, exception);
                    Outcome outcome = neverSucceeds(exception) ? Outcome.INVALID : Outcome.DEAD_LETTERED;
                    metrics.consumed(record.topic(), typeOf(record, incoming), outcome);
                },
                backOff);
        handler.addNotRetryableExceptions(MessageDecodingException.class, MessageRejected.class);
        return handler;
    }

    /** The root cause as "ExceptionClass: message", which is what an operator needs first. */
    public static String reason(Throwable exception) {
        Throwable cause = unwrap(exception);
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static boolean neverSucceeds(Throwable exception) {
        Throwable cause = unwrap(exception);
        return cause instanceof MessageDecodingException || cause instanceof MessageRejected;
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String typeOf(ConsumerRecord<?, ?> record, IncomingMessages incoming) {
        return record.value() instanceof byte[] bytes ? incoming.typeOf(bytes) : MessagingMetrics.UNKNOWN_TYPE;
    }
}
