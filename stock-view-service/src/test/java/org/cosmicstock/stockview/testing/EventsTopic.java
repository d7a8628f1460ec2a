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
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
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
    private final String bootstrap;
    private final MessageCodec codec = MessageCodec.create();
    private final KafkaProducer<String, byte[]> producer;

    private EventsTopic(String name, String bootstrap) {
        this.name = name;
        this.bootstrap = bootstrap;
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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 6, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
        return new EventsTopic(name, bootstrap);
    }

    /** A topic someone else creates (the service does, at start-up). */
    public static EventsTopic named(String name) {
        return new EventsTopic(name, TestKafka.bootstrapServers());
    }

    /** Grows the topic to {@code partitions} partitions, as an operator would. */
    public void growTo(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createPartitions(Map.of(name, NewPartitions.increaseTo(partitions)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not grow " + name, e);
        }
        Eventually.await(
                name + " has " + partitions + " partitions with leaders",
                Duration.ofSeconds(60),
                () -> endOffsets().size() == partitions);
    }

    /** Deletes the records of {@code partition} before {@code offset}, as retention would. */
    public void deleteRecordsBefore(int partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteRecords(Map.of(new TopicPartition(name, partition), RecordsToDelete.beforeOffset(offset)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not delete records of " + name, e);
        }
    }

    /** Sends to one partition, whatever the key's hash says: how a test puts events on a partition of its choice. */
    public void sendTo(int partition, RandomAllocationHistory.Step event) {
        var record = new ProducerRecord<String, byte[]>(name, partition, event.sku(), codec.encode(event.payload()));
        record.headers().add(CloudEventHeaders.ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(event.time())));
        producer.send(record);
    }

    public String name() {
        return name;
    }

    /** Sends with the key (the SKU) and the CloudEvents headers the view reads; returns at once. */
    public void send(RandomAllocationHistory.Step event) {
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
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        500),
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
