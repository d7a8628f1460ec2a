package org.cosmicstock.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageDecodingException;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a topic's records as JSON lines, decoded by the suite's codec. Reads every partition without a consumer
 * group (nothing is committed, nobody's offsets move); a record that does not decode is printed with the reason
 * instead of its payload, and the tail goes on.
 */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = "Prints the events of allocation.events (or --topic) as JSON lines: topic, partition,"
                + " offset, timestamp, key, type, headers and the decoded payload (or \"error\" for bytes that do"
                + " not decode). Without --follow it stops at the end of the topic as it was when it started.")
final class TailCommand extends ClientCommand {

    private static final Duration POLL = Duration.ofMillis(200);

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = "allocation.events",
            description = "default: ${DEFAULT-VALUE}")
    String topic;

    @Option(names = "--follow", description = "keep printing new records until interrupted (Ctrl-C)")
    boolean follow;

    @Option(names = "--from-beginning", description = "start at the beginning of every partition")
    boolean fromBeginning;

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "10",
            description = "without --from-beginning, start N records before the end of each partition"
                    + " (default: ${DEFAULT-VALUE}; 0: only new records)")
    int last;

    @Option(
            names = "--sku",
            paramLabel = "SKU",
            description =
                    "only the records about this SKU (the payload's sku, or the key where the payload has" + " none)")
    String sku;

    private volatile KafkaConsumer<String, byte[]> running;
    private volatile boolean stopped;

    @Override
    public Integer call() {
        if (last < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--last must be 0 or more");
        }
        MessageCodec codec = encoding.reader();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(
                () -> {
                    stop();
                    awaitQuietly(finished);
                },
                "cosmic-stock-tail-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (KafkaConsumer<String, byte[]> consumer = connection.consumer()) {
            running = consumer;
            if (stopped) {
                return 0;
            }
            tail(consumer, codec, out);
        } catch (WakeupException stoppedWhileWaiting) {
            // stop() was called: a clean end
        } catch (KafkaException e) {
            throw new ClientFailure("reading " + topic + " at " + connection.bootstrapServers + ": " + e, e);
        } finally {
            out.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waited for this
            }
        }
        return 0;
    }

    /** Ends a running tail (from another thread, e.g. on Ctrl-C); it closes its consumer and returns. */
    void stop() {
        stopped = true;
        KafkaConsumer<String, byte[]> consumer = running;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private void tail(KafkaConsumer<String, byte[]> consumer, MessageCodec codec, PrintWriter out) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, connection.timeout());
        if (infos == null || infos.isEmpty()) {
            throw new ClientFailure("no topic " + topic + " at " + connection.bootstrapServers);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            long begin = beginnings.get(partition);
            long start = fromBeginning ? begin : Math.max(begin, ends.get(partition) - last);
            consumer.seek(partition, start);
        }
        Map<TopicPartition, Long> owed = new HashMap<>();
        if (!follow) {
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition) < ends.get(partition)) {
                    owed.put(partition, ends.get(partition));
                }
            }
        }
        while (!stopped && (follow || !owed.isEmpty())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (!follow && record.offset() >= ends.get(partition)) {
                    continue;
                }
                print(record, codec, out);
            }
            out.flush();
            if (!follow) {
                owed.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
    }

    private void print(ConsumerRecord<String, byte[]> record, MessageCodec codec, PrintWriter out) {
        SpecificRecord payload = null;
        String error = null;
        try {
            payload = record.value() == null ? null : codec.decode(record.value());
            if (payload == null) {
                error = "no value (a tombstone)";
            }
        } catch (MessageDecodingException | RegistryUnavailableException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (sku != null && !sku.equals(skuOf(record, payload))) {
            return;
        }
        out.println(JsonLines.line(record, payload, error));
    }

    private static String skuOf(ConsumerRecord<String, byte[]> record, SpecificRecord payload) {
        if (payload != null) {
            Schema.Field field = payload.getSchema().getField("sku");
            if (field != null && payload.get(field.pos()) != null) {
                return payload.get(field.pos()).toString();
            }
        }
        return record.key();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
