package org.cosmicstock.localstack.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads what the suite published on its broker, from the beginning of a topic, filtered by key. */
final class Events {

    private Events() {}

    /** Waits until {@code count} events keyed {@code key} are out, then returns every one there is (read to the end). */
    static List<ConsumerRecord<String, byte[]>> of(RunningSuite suite, String key, int count, Duration timeout) {
        return read(suite, RunningSuite.EVENTS, key, count, timeout);
    }

    /**
     * Waits until at least {@code count} records keyed {@code key} are on {@code topic}, then returns
     * every one up to the topic's end: a check for "exactly N" sees an N+1st that is already there.
     */
    static List<ConsumerRecord<String, byte[]>> read(
            RunningSuite suite, String topic, String key, int count, Duration timeout) {
        return Awaitility.await("%d records keyed %s on %s".formatted(count, key, topic))
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> readToEnd(suite, topic, key), records -> records.size() >= count);
    }

    /** Every record keyed {@code key} from the beginning of {@code topic} to its current end. */
    static List<ConsumerRecord<String, byte[]>> readToEnd(RunningSuite suite, String topic, String key) {
        return readToEnd(suite, topic, List.of(key)::contains);
    }

    /** Every record whose key passes {@code keys} from the beginning of {@code topic} to its current end. */
    static List<ConsumerRecord<String, byte[]>> readToEnd(RunningSuite suite, String topic, Predicate<String> keys) {
        return readToEnd(suite.config.bootstrapServers(), topic, keys);
    }

    /**
     * Every record whose key passes {@code keys} from the beginning of {@code topic} to its end as it is now, from
     * the broker at {@code bootstrapServers}; none for a topic that does not exist (nothing was ever sent there),
     * which reading does not create.
     */
    static List<ConsumerRecord<String, byte[]>> readToEnd(
            String bootstrapServers, String topic, Predicate<String> keys) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitionInfos = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
            if (partitionInfos == null) {
                return records;
            }
            List<TopicPartition> partitions = partitionInfos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && keys.test(record.key())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    static List<ConsumerRecord<String, byte[]>> readToEnd(RunningSuite suite, String topic, Collection<String> keys) {
        return readToEnd(suite, topic, keys::contains);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
