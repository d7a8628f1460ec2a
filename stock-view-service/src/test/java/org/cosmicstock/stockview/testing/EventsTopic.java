package org.cosmicstock.stockview.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;

/** An allocation events topic on the test broker, written as the allocation service writes it. */
public final class EventsTopic implements AutoCloseable {

    private final String name;
    private final MessageCodec codec = MessageCodec.create();
    private final KafkaProducer<String, byte[]> producer;

    private EventsTopic(String name) {
        this.name = name;
        // A record sent before the broker leads the new topic's partitions can be rejected and its
        // successors written ahead of it; waiting for the end offsets waits for the leaders.
        Eventually.await("topic " + name + " has a leader for every partition", Duration.ofSeconds(60), () -> {
            try {
                return !endOffsets().isEmpty();
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** A fresh topic with six partitions, as the local stack has. */
    public static EventsTopic create(String prefix) {
        String name = TestKafka.uniqueTopic(prefix);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 6, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
        return new EventsTopic(name);
    }

    /** A topic someone else creates (the service does, at start-up). */
    public static EventsTopic named(String name) {
        return new EventsTopic(name);
    }

    public String name() {
        return name;
    }

    /** Sends with the key (the SKU) and the CloudEvents headers the view reads; returns at once. */
    public void send(RandomAllocationHistory.Event event) {
        var record = new ProducerRecord<String, byte[]>(name, event.sku(), codec.encode(event.payload()));
        record.headers().add(CloudEventHeaders.ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(event.time())));
        producer.send(record);
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

    /** Per partition, the offset the next record will get. */
    public Map<Integer, Long> endOffsets() {
        if (producer != null) {
            flush();
        }
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(name, p.partition()))
                    .toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> ends.put(p.partition(), offset));
            return ends;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
