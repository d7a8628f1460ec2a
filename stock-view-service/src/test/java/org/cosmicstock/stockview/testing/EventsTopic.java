package org.cosmicstock.stockview.testing;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;

/**
 * An allocation events topic, written as the allocation service writes it (key, Avro value,
 * CloudEvents headers). Creating, growing and reading topics is {@link TestKafka}'s.
 */
public final class EventsTopic implements AutoCloseable {

    private static final int PARTITIONS = 6;

    private final String name;
    private final String bootstrap;
    private final MessageCodec codec = MessageCodec.create();
    private final KafkaProducer<String, byte[]> producer;

    private EventsTopic(String name, String bootstrap) {
        this.name = name;
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** A fresh topic with six partitions, as the local stack has. */
    public static EventsTopic create(String prefix) {
        return create(prefix, TestKafka.bootstrapServers());
    }

    /** A fresh topic with six partitions on the broker at {@code bootstrap}. */
    public static EventsTopic create(String prefix, String bootstrap) {
        String name = TestKafka.uniqueTopic(prefix);
        TestKafka.createTopic(bootstrap, name, PARTITIONS);
        return new EventsTopic(name, bootstrap);
    }

    /** A topic the service under test created at start-up (with six partitions, its default). */
    public static EventsTopic named(String name) {
        TestKafka.awaitLeaders(TestKafka.bootstrapServers(), name, PARTITIONS);
        return new EventsTopic(name, TestKafka.bootstrapServers());
    }

    /** Grows the topic to {@code partitions} partitions, as an operator would. */
    public void growTo(int partitions) {
        TestKafka.growTo(bootstrap, name, partitions);
    }

    /** Deletes the records of {@code partition} before {@code offset}, as retention would. */
    public void deleteRecordsBefore(int partition, long offset) {
        TestKafka.deleteRecordsBefore(bootstrap, name, partition, offset);
    }

    /** Sends to one partition, whatever the key's hash says: how a test puts events on a partition of its choice. */
    public void sendTo(int partition, RandomAllocationHistory.Step event) {
        send(new ProducerRecord<>(name, partition, event.sku(), codec.encode(event.payload())), event);
    }

    public String name() {
        return name;
    }

    /** Sends with the key (the SKU) and the CloudEvents headers the view reads; returns at once. */
    public void send(RandomAllocationHistory.Step event) {
        send(new ProducerRecord<>(name, event.sku(), codec.encode(event.payload())), event);
    }

    /** Sends bytes that are not an event at all, with {@code id} as their ce_id. */
    public void sendGarbage(String sku, String id) {
        var record = new ProducerRecord<String, byte[]>(name, sku, utf8("not an event: " + id));
        record.headers().add(CloudEventHeaders.ID, utf8(id));
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    /** Per partition, the offset the next record will get, once what was sent is written. */
    public Map<Integer, Long> endOffsets() {
        flush();
        return TestKafka.endOffsets(bootstrap, name);
    }

    @Override
    public void close() {
        producer.close();
    }

    private void send(ProducerRecord<String, byte[]> record, RandomAllocationHistory.Step event) {
        record.headers().add(CloudEventHeaders.ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(event.time())));
        producer.send(record);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
