package org.cosmicstock.messaging.config;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cosmicstock.messaging.kafka.PartitionRetries;
import org.cosmicstock.messaging.kafka.RecordBatchHandler;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.scheduling.TaskScheduler;

/**
 * Builds the services' consumer groups as spring-kafka listener containers, on Spring Boot's
 * consumer factory (so the Kafka settings, security included, reach them, and Micrometer's Kafka
 * client metrics are bound to every consumer): (String key, Avro bytes), from the earliest record for
 * a new group, one listener call per poll (every partition's records, one unit of work), a transient failure pausing only its
 * partition ({@link PartitionRetries}), and offsets committed after the batches they cover, at most
 * once per commit interval without waiting for the broker (ADR 6).
 */
public final class KafkaConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConsumers.class);

    /**
     * How long the broker may hold a fetch of a {@link #background} consumer (unless {@value
     * #BACKGROUND_FETCH_MIN_BYTES} bytes gather first).
     */
    public static final int BACKGROUND_FETCH_MAX_WAIT_MS = 500;

    public static final int BACKGROUND_FETCH_MIN_BYTES = 64 * 1024;

    /** How long a poll waits when nothing arrives: also how late a paused partition may resume. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final ConsumerFactory<String, byte[]> factory;
    private final MessagingProperties properties;
    private final MessagingMetrics metrics;
    private final TaskScheduler scheduler;

    @SuppressWarnings("unchecked")
    public KafkaConsumers(
            ConsumerFactory<?, ?> factory,
            MessagingProperties properties,
            MessagingMetrics metrics,
            TaskScheduler scheduler) {
        this.factory = (ConsumerFactory<String, byte[]>) factory;
        this.properties = properties;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    /** A consumer group with the configured number of threads. */
    public ConcurrentMessageListenerContainer<String, byte[]> group(
            String groupId, Collection<String> topics, int threads, RecordBatchHandler handler) {
        return group(groupId, topics, threads, handler, Map.of());
    }

    /**
     * A group nobody waits for, such as a durable path behind an in-process one (ADR 5): one thread,
     * and the broker answers its fetch once {@value #BACKGROUND_FETCH_MIN_BYTES} bytes have gathered
     * or {@value #BACKGROUND_FETCH_MAX_WAIT_MS} ms have passed. Under load that is a fetch or two a
     * second instead of one for every few records the relay sends, each of which costs the broker
     * and the service CPU that the consumers people do wait for share.
     */
    public ConcurrentMessageListenerContainer<String, byte[]> background(
            String groupId, Collection<String> topics, RecordBatchHandler handler) {
        return group(
                groupId,
                topics,
                1,
                handler,
                Map.of(
                        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, BACKGROUND_FETCH_MIN_BYTES,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, BACKGROUND_FETCH_MAX_WAIT_MS));
    }

    private ConcurrentMessageListenerContainer<String, byte[]> group(
            String groupId,
            Collection<String> topics,
            int threads,
            RecordBatchHandler handler,
            Map<String, Object> overrides) {
        if (threads < 1) {
            throw new IllegalArgumentException("A consumer needs at least one thread, " + groupId + " has " + threads);
        }
        Duration commitInterval = properties.consumer().commitInterval();
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("The commit interval of " + groupId + " is negative: " + commitInterval);
        }
        PartitionRetries retries = new PartitionRetries(groupId, backoff(), scheduler, metrics);

        ContainerProperties container = new ContainerProperties(topics.toArray(String[]::new));
        container.setGroupId(groupId);
        // client.id = <group>-<thread>: the label of the group's Kafka client metrics (lag per partition).
        container.setClientId(groupId);
        // A poll's records, every partition's, are one batch: one unit of work (ADR 6).
        container.setSubBatchPerPartition(false);
        container.setPollTimeout(POLL_TIMEOUT.toMillis());
        if (commitInterval.isZero()) {
            container.setAckMode(AckMode.BATCH);
            container.setSyncCommits(true);
        } else {
            container.setAckMode(AckMode.TIME);
            container.setAckTime(commitInterval.toMillis());
            container.setSyncCommits(false);
        }
        container.setKafkaConsumerProperties(consumerProperties(overrides));
        container.setConsumerRebalanceListener(new Handover(groupId, retries));
        container.setMessageListener((BatchMessageListener<String, byte[]>) records -> {
            try {
                retries.deliver(handler, records);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        var consumers = new ConcurrentMessageListenerContainer<>(factory, container);
        consumers.setConcurrency(threads);
        consumers.setCommonErrorHandler(retries);
        LOG.info("Consumer group {} on {}: {} thread(s)", groupId, topics, threads);
        return consumers;
    }

    private Properties consumerProperties(Map<String, Object> overrides) {
        Properties consumer = new Properties();
        consumer.putAll(overrides);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                String.valueOf(properties.consumer().maxPollRecords()));
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return consumer;
    }

    /** Capped exponential back-off with jitter and no limit on attempts: a transient failure is retried for as long as it lasts. */
    private Backoff backoff() {
        var retry = properties.retry();
        try {
            // Partitions failing together do not retry in lockstep.
            return new Backoff(
                    retry.initialInterval(),
                    retry.multiplier(),
                    retry.maxInterval(),
                    retry.initialInterval().dividedBy(5));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cosmicstock.messaging.retry: " + e.getMessage(), e);
        }
    }

    /**
     * A partition leaving this member: the container commits what it finished (asynchronously when
     * there is an interval); this waits for that commit, so the next owner starts where this one
     * finished, not an interval earlier. Its retry state goes with it.
     */
    private record Handover(String group, PartitionRetries retries) implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            try {
                // An empty commitSync returns once every earlier commitAsync has completed.
                consumer.commitSync(Map.of());
            } catch (RuntimeException e) {
                // The partitions moved on: their new owner reads these records again, and the inbox
                // makes them duplicates.
                LOG.info(
                        "{}: offsets of {} not confirmed before the handover ({}); they may be redelivered",
                        group,
                        partitions,
                        e.toString());
            }
            retries.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            retries.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            LOG.debug("{}: assigned {}", group, partitions);
        }
    }
}
