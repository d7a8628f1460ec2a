package org.cosmicstock.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;

/**
 * A bounded load run against the running suite: creates a batch per SKU, then sends {@code
 * --commands} Allocate commands at up to {@code --rate} per second and waits for the event each
 * one causes (Allocated or OutOfStock, matched by {@code ce_causationid}). Prints throughput and
 * command-to-event latency percentiles. Stops by itself after {@code --timeout}.
 */
public final class LoadTool {

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.parse(args);
        System.out.println("Load run: " + settings);
        new LoadTool().run(settings);
    }

    void run(LoadSettings s) throws Exception {
        MessageCodec codec = MessageCodec.create();
        // Named <prefix>-<n>, so an HTTP load (wrk) can ask for the same SKUs afterwards.
        List<String> skus = java.util.stream.IntStream.range(0, s.skus())
                .mapToObj(i -> s.skuPrefix() + "-" + i)
                .toList();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[s.commands()];
        AtomicInteger received = new AtomicInteger();
        try (var producer = producer(s.bootstrap());
                var consumer = consumer(s.bootstrap())) {
            List<TopicPartition> partitions = consumer.partitionsFor(s.eventsTopic()).stream()
                    .map(p -> new TopicPartition(s.eventsTopic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            for (String sku : skus) {
                send(
                        producer,
                        s.commandsTopic(),
                        sku,
                        codec.encode(new CreateBatch("batch-" + sku, sku, s.commands(), null)),
                        null);
            }
            producer.flush();
            System.out.printf("Created %d batches; sending %d Allocate commands...%n", skus.size(), s.commands());

            long deadline = System.nanoTime() + s.timeout().toNanos();
            long start = System.nanoTime();
            long nanosPerCommand = 1_000_000_000L / s.rate();
            int sent = 0;
            long lastReport = start;
            long lastEvent = start;
            while (received.get() < s.commands() && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                while (sent < s.commands() && now - start >= sent * nanosPerCommand) {
                    String sku = skus.get(sent % skus.size());
                    String id = UUID.randomUUID().toString();
                    sentAt.put(id, System.nanoTime());
                    send(producer, s.commandsTopic(), sku, codec.encode(new Allocate("order-" + id, sku, 1)), id);
                    sent++;
                    now = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    Long at = sentAt.remove(causation(record));
                    if (at != null && isAllocationOutcome(codec.decode(record.value()))) {
                        lastEvent = System.nanoTime();
                        latencies[received.getAndIncrement()] = lastEvent - at;
                    }
                }
                if (System.nanoTime() - lastReport > 2_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("  %,d sent, %,d events back%n", sent, received.get());
                }
            }
            report(s, sent, Arrays.copyOf(latencies, received.get()), Duration.ofNanos(lastEvent - start));
        }
    }

    private static boolean isAllocationOutcome(SpecificRecord event) {
        return event instanceof org.cosmicstock.schemas.events.Allocated
                || event instanceof org.cosmicstock.schemas.events.OutOfStock;
    }

    private static void report(LoadSettings s, int sent, long[] latencies, Duration window) {
        Arrays.sort(latencies);
        System.out.println();
        System.out.printf(
                "Allocate commands sent: %,d; events received: %,d; window %.1f s%n",
                sent, latencies.length, window.toMillis() / 1000.0);
        if (latencies.length == 0) {
            System.out.println("No events came back: is the suite running (./run-local)?");
            return;
        }
        System.out.printf(
                "Throughput: %,.0f commands/s (command sent to event received)%n",
                latencies.length / Math.max(0.001, window.toMillis() / 1000.0));
        System.out.printf(
                "Latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        if (latencies.length < sent) {
            System.out.printf("%,d commands got no event before the timeout%n", sent - latencies.length);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static String causation(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_causationid");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value, String id) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers()
                .add("ce_id", (id == null ? UUID.randomUUID().toString() : id).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/load-tool".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
