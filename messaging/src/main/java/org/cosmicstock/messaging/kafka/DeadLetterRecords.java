package org.cosmicstock.messaging.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What a dead letter carries, for {@link DeadLetterProducer}: the record for {@code <topic>.DLT},
 * as is (the original key, value and headers) or in the truncated form that fits when that is
 * refused, each with the original topic, partition, offset and consumer group (spring-kafka's
 * {@code kafka_dlt-*} header names, which tools know), the exception, and {@code dlt_reason}.
 */
final class DeadLetterRecords {

    // A truncated letter keeps an original header, a key or an exception message only up to these sizes.
    private static final int TEXT_CHARS = 1_024;
    private static final int HEADER_BYTES = 1_024;
    private static final int HEADERS_BYTES = 16 * 1024;

    private DeadLetterRecords() {}

    /** The letter as is: the original key, value and headers, and where it came from and why. */
    static ProducerRecord<String, byte[]> asIs(
            ConsumerRecord<String, byte[]> record, Throwable exception, String consumerGroup) {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(record.topic() + DeadLetters.SUFFIX, record.key(), record.value());
        Headers headers = letter.headers();
        record.headers().forEach(h -> headers.add(h.key(), h.value()));
        addOrigin(headers, record, exception, consumerGroup, Integer.MAX_VALUE);
        return letter;
    }

    /**
     * The form that fits: the value's first {@link DeadLetterProducer#TRUNCATED_VALUE_BYTES} bytes, the original headers
     * that are small, the key and texts cut to {@value #TEXT_CHARS} characters, and what was there.
     */
    static ProducerRecord<String, byte[]> truncated(
            ConsumerRecord<String, byte[]> record, Throwable exception, String consumerGroup, Throwable refusedAsIs) {
        byte[] value = record.value();
        byte[] kept = value == null || value.length <= DeadLetterProducer.TRUNCATED_VALUE_BYTES
                ? value
                : Arrays.copyOf(value, DeadLetterProducer.TRUNCATED_VALUE_BYTES);
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(record.topic() + DeadLetters.SUFFIX, cut(record.key()), kept);
        Headers headers = letter.headers();
        int headerBytes = 0;
        for (Header h : record.headers()) {
            int size = h.key().length() + (h.value() == null ? 0 : h.value().length);
            if (size <= HEADER_BYTES && headerBytes + size <= HEADERS_BYTES) {
                headers.add(h.key(), h.value());
                headerBytes += size;
            }
        }
        addOrigin(headers, record, exception, consumerGroup, TEXT_CHARS);
        headers.add(DeadLetterProducer.TRUNCATED_HEADER, utf8("true"));
        headers.add(DeadLetterProducer.ORIGINAL_SIZE_HEADER, utf8(Integer.toString(value == null ? 0 : value.length)));
        if (value != null) {
            headers.add(DeadLetterProducer.ORIGINAL_SHA256_HEADER, utf8(sha256(value)));
        }
        headers.add(DeadLetterProducer.REFUSED_AS_IS_HEADER, utf8(cut(DeadLetters.reason(refusedAsIs))));
        return letter;
    }

    private static void addOrigin(
            Headers headers,
            ConsumerRecord<String, byte[]> record,
            Throwable exception,
            String consumerGroup,
            int textChars) {
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(consumerGroup));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(cut(String.valueOf(exception.getMessage()), textChars)));
        headers.add(DeadLetters.REASON_HEADER, utf8(cut(DeadLetters.reason(exception), textChars)));
    }

    private static String cut(String text) {
        return cut(text, TEXT_CHARS);
    }

    private static String cut(String text, int chars) {
        if (text == null || text.length() <= chars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
        return text.substring(0, end);
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
