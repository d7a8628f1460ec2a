package org.cosmicstock.stockview.adapters.kafka;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.stockview.domain.StockEvent;
import org.cosmicstock.stockview.domain.StockView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the events topic into the view (each replica holds the whole view, so
 * there is no consumer group to share partitions): from the view's own positions, or from the
 * beginning when the view is empty. Reports progress while replaying and knows when it has caught
 * up with the end of the topic as it was at start, which is what readiness waits for.
 */
public final class AllocationEventsReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationEventsReader.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final StockView view;
    private final MessageCodec codec;
    private final MessagingMetrics metrics;
    private final DeadLetterProducer deadLetters;
    private final Timer projectionLag;
    private final Clock clock;
    private final ReplayProgress progress = new ReplayProgress();
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running = true;

    public AllocationEventsReader(
            Supplier<Consumer<String, byte[]>> consumers,
            String topic,
            StockView view,
            MessageCodec codec,
            MessagingMetrics metrics,
            DeadLetterProducer deadLetters,
            Timer projectionLag,
            Clock clock) {
        this.consumers = consumers;
        this.topic = topic;
        this.view = view;
        this.codec = codec;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.projectionLag = projectionLag;
        this.clock = clock;
    }

    public ReplayProgress progress() {
        return progress;
    }

    @Override
    public void run() {
        try (Consumer<String, byte[]> c = consumers.get()) {
            consumer = c;
            List<TopicPartition> partitions = awaitPartitions(c);
            c.assign(partitions);
            Map<Integer, Long> positions = view.positions();
            for (TopicPartition partition : partitions) {
                Long applied = positions.get(partition.partition());
                if (applied == null) {
                    c.seekToBeginning(List.of(partition));
                } else {
                    c.seek(partition, applied + 1);
                }
            }
            progress.start(
                    c.endOffsets(partitions),
                    partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, c::position)));
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                }
                progress.advance(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, c::position)));
            }
        } catch (WakeupException stopping) {
            LOG.info("Stopped reading {}", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            progress.fail(e);
            LOG.error("Reading {} failed; the view is no longer kept up to date", topic, e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        String type = MessagingMetrics.UNKNOWN_TYPE;
        try {
            var payload = codec.decode(record.value());
            type = payload.getSchema().getName();
            Instant eventTime = CloudEventHeaders.time(record);
            Optional<StockEvent> event = AvroStockEvents.toDomain(payload);
            Outcome outcome = Outcome.SKIPPED;
            if (event.isPresent()) {
                boolean applied = view.apply(record.partition(), record.offset(), event.get(), eventTime);
                outcome = applied ? Outcome.PROCESSED : Outcome.DUPLICATE;
                projectionLag.record(
                        Duration.between(eventTime, clock.instant()).abs());
            }
            metrics.consumed(record.topic(), type, outcome);
        } catch (RuntimeException invalid) {
            LOG.warn(
                    "Dead-lettering {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    invalid.toString());
            deadLetter(record, invalid);
            metrics.consumed(record.topic(), type, Outcome.INVALID);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason)
            throws InterruptedException {
        while (running) {
            try {
                deadLetters.send(record, reason);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warn(
                        "Could not dead-letter {}-{}@{}, retrying: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.toString());
                Thread.sleep(1_000);
            }
        }
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) throws InterruptedException {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
            }
            LOG.info("Waiting for topic {} to exist", topic);
            Thread.sleep(1_000);
        }
        throw new WakeupException();
    }

    public void stop() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
