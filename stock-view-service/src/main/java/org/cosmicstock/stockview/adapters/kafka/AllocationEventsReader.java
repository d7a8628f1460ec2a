package org.cosmicstock.stockview.adapters.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewReset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the events topic into the view (each replica holds or shares the whole
 * view, so there is no consumer group to share partitions): from the view's own positions, or from
 * the beginning when the view is empty. Reports progress while replaying and knows when it has
 * caught up with the end of the topic as it was when it (re)started, which is what readiness waits
 * for. Everything that changes the view, dropping it for a rebuild included, happens on the
 * reader's own thread, so no event is ever applied to a view after it was dropped.
 */
public final class AllocationEventsReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationEventsReader.class);
    private static final long FIRST_RETRY_MS = 500;
    private static final long LAST_RETRY_MS = 30_000;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final StockView view;
    private final RecordProjection projection;
    private final ReplayProgress progress = new ReplayProgress();
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean stopped;
    private volatile boolean rebuildRequested;

    public AllocationEventsReader(
            Supplier<Consumer<String, byte[]>> consumers, String topic, StockView view, RecordProjection projection) {
        this.consumers = consumers;
        this.topic = topic;
        this.view = view;
        this.projection = projection;
    }

    public ReplayProgress progress() {
        return progress;
    }

    public String topic() {
        return topic;
    }

    /** Asks the reader to drop the view and replay the topic from the beginning; returns at once. */
    public void rebuild() {
        LOG.info("Rebuild of the view requested: it will be dropped and {} replayed from the beginning", topic);
        rebuildRequested = true;
        progress.restarting();
        wake();
    }

    public void stop() {
        stopped = true;
        wake();
    }

    @Override
    public void run() {
        try (Consumer<String, byte[]> c = consumers.get()) {
            consumer = c;
            readUntilStopped(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Only a consumer that cannot even be created gets here; everything later is retried.
            progress.fail(e);
            LOG.error("Could not read {}; the view is not kept up to date", topic, e);
            return;
        }
        LOG.info("Stopped reading {}", topic);
    }

    private void readUntilStopped(Consumer<String, byte[]> c) throws InterruptedException {
        List<TopicPartition> partitions = null;
        boolean positioned = false;
        long retryMs = FIRST_RETRY_MS;
        while (!stopped) {
            try {
                if (partitions == null) {
                    partitions = awaitPartitions(c);
                    c.assign(partitions);
                }
                if (!positioned || rebuildRequested) {
                    position(c, partitions);
                    positioned = true;
                }
                readOnce(c, partitions);
                retryMs = FIRST_RETRY_MS;
            } catch (WakeupException woken) {
                // stop() or rebuild(): the loop condition and the rebuild flag decide what comes next
            } catch (ViewReset reset) {
                LOG.warn("{}; resuming from the view's new positions", reset.getMessage());
                positioned = false;
            } catch (RuntimeException e) {
                progress.fail(e);
                LOG.error("Reading {} into the view failed; retrying in {} ms", topic, retryMs, e);
                positioned = false;
                pause(retryMs);
                retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
            }
        }
    }

    private void position(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
        if (rebuildRequested) {
            view.clear();
            // Only once dropped: a rebuild whose clear failed is tried again after the pause.
            rebuildRequested = false;
            LOG.info("Dropped the view; replaying {} from the beginning", topic);
        }
        Map<Integer, Long> applied = view.positions();
        for (TopicPartition partition : partitions) {
            Long offset = applied.get(partition.partition());
            if (offset == null) {
                c.seekToBeginning(List.of(partition));
            } else {
                c.seek(partition, offset + 1);
            }
        }
        progress.start(c.endOffsets(partitions), positionsOf(c, partitions));
    }

    private void readOnce(Consumer<String, byte[]> c, List<TopicPartition> partitions) throws InterruptedException {
        for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
            if (stopped || rebuildRequested) {
                return;
            }
            projection.project(record, () -> stopped);
        }
        progress.advance(positionsOf(c, partitions));
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) throws InterruptedException {
        while (!stopped) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
            }
            LOG.info("Waiting for topic {} to exist", topic);
            pause(1_000);
        }
        throw new WakeupException();
    }

    private void pause(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!stopped && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }

    private void wake() {
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private static Map<TopicPartition, Long> positionsOf(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
        return partitions.stream().collect(Collectors.toMap(p -> p, c::position));
    }
}
