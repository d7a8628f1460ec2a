package org.cosmicstock.messaging.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The one dead-letter path of every consumer: {@code <topic>.DLT} gets the original key, value and
 * headers, the original topic, partition, offset and consumer group (spring-kafka's {@code
 * kafka_dlt-*} header names, which tools know), the exception, and {@code dlt_reason}.
 */
public final class DeadLetterProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String defaultGroup;

    public DeadLetterProducer(Producer<String, byte[]> producer) {
        this(producer, "");
    }

    /** @param defaultGroup the consumer group named by {@link #send(ConsumerRecord, Throwable)} */
    public DeadLetterProducer(Producer<String, byte[]> producer, String defaultGroup) {
        this.producer = producer;
        this.defaultGroup = defaultGroup;
    }

    /** A record to dead-letter and why. */
    public record Letter(ConsumerRecord<String, byte[]> record, Throwable reason) {}

    /**
     * Sends and waits for every acknowledgement: a dead letter that was not written must not be
     * skipped, so a failure here reaches the consumer, which tries the records again later.
     */
    public void send(List<Letter> letters, String consumerGroup) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
        for (Letter letter : letters) {
            acks.add(producer.send(toDeadLetter(letter.record(), letter.reason(), consumerGroup)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    public void send(ConsumerRecord<String, byte[]> record, Throwable exception, String consumerGroup)
            throws Exception {
        send(List.of(new Letter(record, exception)), consumerGroup);
    }

    /** For a consumer that reads without a group of its own, such as a projection. */
    public void send(ConsumerRecord<String, byte[]> record, Throwable exception) throws Exception {
        send(record, exception, defaultGroup);
    }

    static ProducerRecord<String, byte[]> toDeadLetter(
            ConsumerRecord<String, byte[]> record, Throwable exception, String consumerGroup) {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(record.topic() + DeadLetters.SUFFIX, record.key(), record.value());
        Headers headers = letter.headers();
        record.headers().forEach(h -> headers.add(h.key(), h.value()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(consumerGroup));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(exception.getMessage())));
        headers.add(DeadLetters.REASON_HEADER, utf8(DeadLetters.reason(exception)));
        return letter;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
