package org.cosmicstock.stockview.adapters.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.cosmicstock.stockview.domain.Generation;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewLost;
import org.cosmicstock.stockview.domain.ViewReset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the events topic into the view (each replica holds or shares the whole
 * view, so there is no consumer group to share partitions), a poll at a time, each poll one batch.
 * It resumes from the positions of the generation it writes into; refuses to go on when the topic
 * no longer holds events that generation never applied; follows partitions added later; builds a
 * new generation on request or after the store lost the view, and has it served once it has caught
 * up with the topic ({@link ReaderGenerations}). Everything that changes the view happens on the reader's own thread.
 */
public final class AllocationEventsReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationEventsReader.class);
    private static final long FIRST_RETRY_MS = 500;
    private static final long LAST_RETRY_MS = 30_000;
    private static final long IDLE_CHECK_MS = 1_000;
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final StockView view;
    private final RecordProjection projection;
    private final ReplayProgress progress;
    private final Duration partitionCheckInterval;
    private final BrokerTrouble broker = new BrokerTrouble();
    private final FreshnessCheck freshness;
    private final ReaderGenerations generations;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean stopped;
    private List<TopicPartition> partitions = List.of();
    private boolean positioned;
    private long nextPartitionCheck;
    private long nextIdleCheck;

    public AllocationEventsReader(
            Supplier<Consumer<String, byte[]>> consumers,
            String topic,
            StockView view,
            RecordProjection projection,
            ReplayProgress progress,
            Duration partitionCheckInterval) {
        this.consumers = consumers;
        this.topic = topic;
        this.view = view;
        this.projection = projection;
        this.progress = progress;
        this.partitionCheckInterval = partitionCheckInterval;
        this.freshness = new FreshnessCheck(progress, BROKER_TIMEOUT);
        this.generations = new ReaderGenerations(view, progress, topic);
    }

    public ReplayProgress progress() {
        return progress;
    }

    public DeadLetterTrouble deadLetterTrouble() {
        return projection.deadLetterTrouble();
    }

    public String topic() {
        return topic;
    }

    /** Asks the reader to build a new generation of the view beside the served one; returns at once. */
    public void rebuild() {
        generations.requestRebuild();
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
        long retryMs = FIRST_RETRY_MS;
        while (!stopped) {
            try {
                if (!positioned || generations.rebuildRequested()) {
                    positioned = position(c);
                    if (!positioned) {
                        pause(partitionCheckInterval.toMillis());
                        continue;
                    }
                }
                readOnce(c);
                retryMs = FIRST_RETRY_MS;
            } catch (WakeupException woken) {
                // stop() or rebuild(): the loop condition and the rebuild flag decide what comes next
            } catch (ViewReset reset) {
                LOG.warn("{}; resuming from the view's current state", reset.getMessage());
                positioned = false;
            } catch (ViewLost lost) {
                LOG.error("{}. Not ready until the view is rebuilt into a new generation.", lost.getMessage());
                progress.lost(lost.getMessage());
                generations.lost();
                positioned = false;
            } catch (InvalidOffsetException gone) {
                // Retention deleted records at the reader's position; repositioning says whether events were lost.
                LOG.warn("The reader's position on {} is no longer in the topic: {}", topic, gone.getMessage());
                positioned = false;
            } catch (RetriableException away) {
                // The broker is away: what the view holds can still be served; try again without failing readiness.
                broker.away(topic, away, retryMs);
                pause(retryMs);
                retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
            } catch (RuntimeException e) {
                progress.fail(e);
                LOG.error("Reading {} into the view failed; retrying in {} ms", topic, retryMs, e);
                positioned = false;
                pause(retryMs);
                retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
            }
        }
    }

    /** Attaches to the view and seeks every partition; false if the topic has lost events the view needs. */
    private boolean position(Consumer<String, byte[]> c) throws InterruptedException {
        partitions = awaitPartitions(c);
        c.assign(partitions);
        Generation generation = generations.attach();
        Map<TopicPartition, Long> beginnings = c.beginningOffsets(partitions, BROKER_TIMEOUT);
        for (TopicPartition partition : partitions) {
            Long applied = generation.positions().get(partition.partition());
            c.seek(partition, applied == null ? 0 : applied + 1);
        }
        Optional<String> holes = TopicHoles.find(topic, generation, beginnings);
        if (holes.isPresent()) {
            LOG.error(holes.get());
            progress.refuse(holes.get());
            return false;
        }
        progress.start(
                generation.id(),
                generation.served(),
                generations.buildMode(),
                c.endOffsets(partitions, BROKER_TIMEOUT),
                positionsOf(c));
        nextPartitionCheck = System.currentTimeMillis() + partitionCheckInterval.toMillis();
        return true;
    }

    private void readOnce(Consumer<String, byte[]> c) throws InterruptedException {
        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
        if (stopped || generations.rebuildRequested()) {
            return;
        }
        if (!projection.project(records, () -> stopped)) {
            return;
        }
        Map<TopicPartition, Long> positions = positionsOf(c);
        progress.advance(positions);
        if (!records.isEmpty()) {
            broker.reachable();
        }
        long now = System.currentTimeMillis();
        if (!progress.targetServed() && progress.remaining() == 0) {
            generations.promoteIfCaughtUp(positions, c.endOffsets(partitions, BROKER_TIMEOUT));
        }
        if (records.isEmpty() && now >= nextIdleCheck) {
            nextIdleCheck = now + IDLE_CHECK_MS;
            // Idle is when a store that lost the view would otherwise go unnoticed, answering 404s while ready.
            view.check();
        }
        if (freshness.after(c, positions, now)) {
            broker.reachable();
        }
        if (now >= nextPartitionCheck) {
            nextPartitionCheck = now + partitionCheckInterval.toMillis();
            int count = c.partitionsFor(topic, BROKER_TIMEOUT).size();
            if (count > partitions.size()) {
                LOG.info(
                        "{} now has {} partitions (it had {}): reading the new ones too",
                        topic,
                        count,
                        partitions.size());
                positioned = false;
            }
        }
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) throws InterruptedException {
        while (!stopped) {
            List<PartitionInfo> infos = c.partitionsFor(topic, BROKER_TIMEOUT);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                        .toList();
            }
            LOG.info("Waiting for topic {} to exist", topic);
            pause(1_000);
        }
        throw new WakeupException();
    }

    private void pause(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!stopped && !generations.rebuildRequested() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }

    private void wake() {
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private Map<TopicPartition, Long> positionsOf(Consumer<String, byte[]> c) {
        return partitions.stream().collect(Collectors.toMap(p -> p, c::position));
    }
}
