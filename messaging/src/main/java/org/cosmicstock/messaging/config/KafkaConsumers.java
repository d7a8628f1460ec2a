package org.cosmicstock.messaging.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cosmicstock.messaging.kafka.BatchConsumer;
import org.cosmicstock.messaging.kafka.RecordBatchHandler;
import org.cosmicstock.messaging.kafka.RetryBackoff;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Builds the services' consumer groups from Spring Boot's Kafka settings (so security settings such
 * as SASL and TLS reach them) and the messaging settings: (String key, Avro bytes), offsets committed
 * by the consumer after the batches they cover (at most once per commit interval), from the
 * earliest record for a new group.
 */
public final class KafkaConsumers {

    private final KafkaProperties kafka;
    private final MessagingProperties properties;
    private final MessagingMetrics metrics;

    public KafkaConsumers(KafkaProperties kafka, MessagingProperties properties, MessagingMetrics metrics) {
        this.kafka = kafka;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * How long the broker may hold a fetch of a {@link #background} consumer (unless {@value
     * #BACKGROUND_FETCH_MIN_BYTES} bytes gather first).
     */
    public static final int BACKGROUND_FETCH_MAX_WAIT_MS = 500;

    public static final int BACKGROUND_FETCH_MIN_BYTES = 64 * 1024;

    public BatchConsumer group(String groupId, Collection<String> topics, int threads, RecordBatchHandler handler) {
        return group(groupId, topics, threads, handler, Map.of());
    }

    /**
     * A group nobody waits for, such as a durable path behind an in-process one (ADR 5): one thread,
     * and the broker answers its fetch once {@value #BACKGROUND_FETCH_MIN_BYTES} bytes have gathered
     * or {@value #BACKGROUND_FETCH_MAX_WAIT_MS} ms have passed. Under load that is a fetch or two a
     * second instead of one for every few records the relay sends, each of which costs the broker
     * and the service CPU that the consumers people do wait for share.
     */
    public BatchConsumer background(String groupId, Collection<String> topics, RecordBatchHandler handler) {
        return group(
                groupId,
                topics,
                1,
                handler,
                Map.of(
                        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, BACKGROUND_FETCH_MIN_BYTES,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, BACKGROUND_FETCH_MAX_WAIT_MS));
    }

    private BatchConsumer group(
            String groupId,
            Collection<String> topics,
            int threads,
            RecordBatchHandler handler,
            Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.putAll(overrides);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.consumer().maxPollRecords());
        var retry = properties.retry();
        return new BatchConsumer(
                groupId,
                topics,
                threads,
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                handler,
                new RetryBackoff(retry.initialInterval(), retry.multiplier(), retry.maxInterval()),
                properties.consumer().commitInterval(),
                metrics);
    }
}
