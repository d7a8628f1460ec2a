package org.cosmicstock.messaging.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Dead-letters records for consumers that are not Spring listener containers (such as a projection
 * that reads every partition itself), with the same headers the listener containers write: the
 * original bytes and headers, the original topic, partition, offset and consumer group, the
 * exception, and {@code dlt_reason}.
 */
public final class DeadLetterProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String consumerGroup;

    public DeadLetterProducer(Producer<String, byte[]> producer, String consumerGroup) {
        this.producer = producer;
        this.consumerGroup = consumerGroup;
    }

    /** Sends and waits for the acknowledgement: a dead letter that was not written must not be skipped. */
    public void send(ConsumerRecord<String, byte[]> record, Throwable exception) throws Exception {
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
        producer.send(letter).get(30, TimeUnit.SECONDS);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
