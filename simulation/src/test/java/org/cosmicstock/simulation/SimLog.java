package org.cosmicstock.simulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;

/**
 * The broker, where it matters to the services: topics of partitions, a record's partition chosen
 * from its key as Kafka's default partitioner does (murmur2), per-partition order, and per consumer
 * group the offset committed for each partition. Nothing here is ever lost: the broker's own faults
 * stay with the process-level fault tests.
 */
final class SimLog {

    /** One stored record; the consumer sees it as a {@link ConsumerRecord}. */
    record Stored(String topic, int partition, long offset, String key, byte[] value, Headers headers, long timestamp) {

        ConsumerRecord<String, byte[]> toConsumerRecord() {
            RecordHeaders copy = new RecordHeaders(headers.toArray());
            return new ConsumerRecord<>(
                    topic,
                    partition,
                    offset,
                    timestamp,
                    TimestampType.CREATE_TIME,
                    key == null ? -1 : key.length(),
                    value.length,
                    key,
                    value,
                    copy,
                    Optional.empty());
        }
    }

    private final Map<String, List<List<Stored>>> topics = new TreeMap<>();
    private final Map<String, Map<String, Long>> committed = new TreeMap<>();

    void create(String topic, int partitions) {
        List<List<Stored>> parts = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            parts.add(new ArrayList<>());
        }
        topics.put(topic, parts);
    }

    int partitions(String topic) {
        return topics.get(topic).size();
    }

    int partitionFor(String topic, String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions(topic);
    }

    Stored append(String topic, String key, byte[] value, Headers headers, long timestamp) {
        int partition = partitionFor(topic, key);
        List<Stored> records = topics.get(topic).get(partition);
        Stored stored = new Stored(topic, partition, records.size(), key, value, headers, timestamp);
        records.add(stored);
        return stored;
    }

    List<Stored> read(String topic, int partition, long from, int max) {
        List<Stored> records = topics.get(topic).get(partition);
        int start = (int) Math.min(from, records.size());
        int end = (int) Math.min(records.size(), start + (long) max);
        return new ArrayList<>(records.subList(start, end));
    }

    long end(String topic, int partition) {
        return topics.get(topic).get(partition).size();
    }

    List<Stored> all(String topic) {
        List<Stored> all = new ArrayList<>();
        topics.get(topic).forEach(all::addAll);
        return all;
    }

    long committed(String group, String topic, int partition) {
        return committed.getOrDefault(group, Map.of()).getOrDefault(topic + "-" + partition, 0L);
    }

    void commit(String group, String topic, int partition, long offset) {
        committed.computeIfAbsent(group, g -> new TreeMap<>()).put(topic + "-" + partition, offset);
    }
}
