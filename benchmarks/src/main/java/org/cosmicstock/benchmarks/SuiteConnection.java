package org.cosmicstock.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The run's two ends on the broker, as an outside producer and reader would have them: a producer of
 * commands (CloudEvents headers, key = SKU) and a reader of every partition of the events topic from
 * its end at the start of the run. Every call is bounded by the connect timeout.
 */
final class SuiteConnection implements AutoCloseable {

    static final String SOURCE = "/load-tool";

    private final String commandsTopic;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Duration callTimeout;

    private SuiteConnection(LoadSettings s, int eventPartitions) {
        this.commandsTopic = s.commandsTopic();
        this.callTimeout = s.connectTimeout();
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        s.bootstrap(),
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "load-tool",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        (int) s.connectTimeout().toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        15_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30_000),
                new StringSerializer(),
                new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        s.bootstrap(),
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "load-tool-reader",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) s.connectTimeout().toMillis()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        this.partitions = new ArrayList<>();
        for (int p = 0; p < eventPartitions; p++) {
            partitions.add(new TopicPartition(s.eventsTopic(), p));
        }
        // Only what the run causes is read: start at the current end, and fix that position now.
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** @throws SuiteUnreachableException when the broker does not answer or a topic is missing */
    static SuiteConnection open(LoadSettings s) throws SuiteUnreachableException {
        long timeoutMs = s.connectTimeout().toMillis();
        int eventPartitions;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs))) {
            var topics = admin.describeTopics(List.of(s.commandsTopic(), s.eventsTopic()))
                    .topicNameValues();
            describe(s.commandsTopic(), topics.get(s.commandsTopic()), s, timeoutMs);
            eventPartitions = describe(s.eventsTopic(), topics.get(s.eventsTopic()), s, timeoutMs)
                    .partitions()
                    .size();
        }
        try {
            return new SuiteConnection(s, eventPartitions);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new SuiteUnreachableException(
                    "Cannot read " + s.eventsTopic() + " at " + s.bootstrap() + ": " + e.getMessage()
                            + ". Is ./run-local running?",
                    e);
        }
    }

    private static TopicDescription describe(
            String name, KafkaFuture<TopicDescription> topic, LoadSettings s, long timeoutMs)
            throws SuiteUnreachableException {
        try {
            return topic.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new SuiteUnreachableException("Kafka at " + s.bootstrap() + " has no topic '" + name
                        + "'. Is ./run-local running? (its services create the topics when they start)");
            }
            throw unreachable(s, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(s, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(s, e);
        }
    }

    private static SuiteUnreachableException unreachable(LoadSettings s, Throwable cause) {
        return new SuiteUnreachableException(
                "Cannot reach Kafka at " + s.bootstrap() + " within "
                        + s.connectTimeout().toSeconds()
                        + " s. Is ./run-local running? (--bootstrap sets the address; ./run-local --kafka-port"
                        + " changes the port)",
                cause);
    }

    /** Sends one command with the CloudEvents headers an outside producer should set. */
    void send(String sku, byte[] payload, String commandId, Callback onSent) {
        var record = new ProducerRecord<>(commandsTopic, sku, payload);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(commandId));
        record.headers().add("ce_source", bytes(SOURCE));
        record.headers().add("ce_time", bytes(Instant.now().toString()));
        record.headers().add("content-type", bytes("application/avro"));
        producer.send(record, onSent);
    }

    void flush() {
        producer.flush();
    }

    ConsumerRecords<String, byte[]> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** True when this reader has reached the current end of every partition of the events topic. */
    boolean atEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, callTimeout);
        return partitions.stream().allMatch(p -> consumer.position(p, callTimeout) >= end.get(p));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
