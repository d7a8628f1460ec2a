package org.cosmicstock.messaging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer group member per thread, each taking what one poll returns and handing each partition's
 * records to the handler as one batch, then committing the offsets of what it finished with.
 *
 * <p>A transient failure pauses only the partition it happened on: it is sought back to its first
 * unfinished record and paused for a capped exponential backoff, then tried again, for as long as
 * the failure lasts; the other partitions go on, and the consumer keeps polling, so it stays in the
 * group. This is why the suite runs its own loop rather than a spring-kafka listener container,
 * whose error handler pauses the whole container during a back-off (ADR 6).
 *
 * <p>Offsets are committed after the database commit of the records they cover, and at most once
 * per commit interval (asynchronously; a zero interval commits synchronously after every poll): the
 * loop does not wait for the broker between batches, and a crash or a lost partition redelivers at
 * most an interval's worth of records, which the inbox makes duplicates (ADR 2). A partition taken
 * away by a rebalance has its finished offsets committed synchronously before it goes, and so does
 * every partition when the consumer stops.
 */
public final class BatchConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final String group;
    private final Collection<String> topics;
    private final int threads;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RecordBatchHandler handler;
    private final RetryBackoff backoff;
    private final Duration commitInterval;
    private final MessagingMetrics metrics;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;

    public BatchConsumer(
            String group,
            Collection<String> topics,
            int threads,
            Supplier<Consumer<String, byte[]>> consumers,
            RecordBatchHandler handler,
            RetryBackoff backoff,
            Duration commitInterval,
            MessagingMetrics metrics) {
        if (threads < 1) {
            throw new IllegalArgumentException("A consumer needs at least one thread, " + group + " has " + threads);
        }
        this.group = group;
        this.topics = List.copyOf(topics);
        this.threads = threads;
        this.consumers = consumers;
        this.handler = handler;
        this.backoff = backoff;
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("The commit interval of " + group + " is negative: " + commitInterval);
        }
        this.commitInterval = commitInterval;
        this.metrics = metrics;
    }

    public String group() {
        return group;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker();
            Thread thread = new Thread(worker, group + "-consumer-" + i);
            thread.setDaemon(true);
            worker.thread = thread;
            workers.add(worker);
            thread.start();
        }
        LOG.info("Consuming {} as group {} with {} thread(s)", topics, group, threads);
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops every thread after its current batch; safe to call more than once. */
    @Override
    public synchronized void close() {
        running = false;
        workers.forEach(Worker::wakeup);
        for (Worker worker : workers) {
            try {
                worker.thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    private final class Worker implements Runnable, ConsumerRebalanceListener {
        private final PartitionRetries retries = new PartitionRetries(group, backoff, metrics);
        // Offsets past records whose transaction committed, not yet sent to the broker.
        private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
        private long lastCommitAt;
        private volatile Consumer<String, byte[]> consumer;
        private Thread thread;

        @Override
        public void run() {
            while (running) {
                try (Consumer<String, byte[]> c = consumers.get()) {
                    consumer = c;
                    // The first interval runs from here (nanoTime has no meaningful zero).
                    lastCommitAt = System.nanoTime();
                    c.subscribe(topics, this);
                    try {
                        while (running) {
                            pollOnce(c);
                        }
                    } catch (WakeupException stopping) {
                        // close() was called
                    }
                    commitOnStop(c);
                } catch (WakeupException stopping) {
                    // close() was called
                } catch (RuntimeException e) {
                    // The consumer itself failed (not a handler: those are retried per partition).
                    LOG.error("{}: consumer failed, starting a new one in {} s", group, RESTART_PAUSE.toSeconds(), e);
                    sleep(RESTART_PAUSE);
                } finally {
                    consumer = null;
                    uncommitted.clear();
                    retries.forgetAll();
                }
            }
        }

        private void pollOnce(Consumer<String, byte[]> c) {
            List<TopicPartition> due = retries.due(System.currentTimeMillis());
            if (!due.isEmpty()) {
                c.resume(due);
            }
            ConsumerRecords<String, byte[]> polled = c.poll(POLL);
            if (polled.isEmpty()) {
                commitIfDue(c);
                return;
            }
            for (TopicPartition partition : polled.partitions()) {
                List<ConsumerRecord<String, byte[]>> records = polled.records(partition);
                try {
                    handler.handle(records);
                    long next = records.get(records.size() - 1).offset() + 1;
                    uncommitted.put(partition, new OffsetAndMetadata(next));
                    retries.succeeded(partition, System.currentTimeMillis());
                } catch (WakeupException | org.apache.kafka.common.errors.InterruptException stopping) {
                    throw stopping;
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    c.seek(partition, records.get(0).offset());
                    c.pause(List.of(partition));
                    retries.failed(partition, e, System.currentTimeMillis());
                }
            }
            commitIfDue(c);
        }

        /** Sends the finished offsets once the interval has passed since the last commit. */
        private void commitIfDue(Consumer<String, byte[]> c) {
            if (uncommitted.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (commitInterval.isZero()) {
                commitNow(c, takeUncommitted());
            } else if (now - lastCommitAt >= commitInterval.toNanos()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = takeUncommitted();
                c.commitAsync(offsets, (committed, error) -> {
                    if (error != null) {
                        retryLater(offsets, error);
                    }
                });
            } else {
                return;
            }
            lastCommitAt = now;
        }

        /** The finished offsets not committed yet, handed over: they are no longer owed. */
        private Map<TopicPartition, OffsetAndMetadata> takeUncommitted() {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(uncommitted);
            uncommitted.clear();
            return offsets;
        }

        /** A failed asynchronous commit: its offsets go with the next one, unless newer ones or a new owner took over. */
        private void retryLater(Map<TopicPartition, OffsetAndMetadata> offsets, Exception error) {
            Consumer<String, byte[]> c = consumer;
            if (c == null) {
                return;
            }
            var assigned = c.assignment();
            offsets.forEach((partition, offset) -> {
                if (assigned.contains(partition)) {
                    uncommitted.merge(
                            partition, offset, (newer, failed) -> newer.offset() >= failed.offset() ? newer : failed);
                }
            });
            LOG.debug("{}: committing offsets failed, trying again with the next commit: {}", group, error.toString());
        }

        /** The last commit, as the consumer stops; a wake-up meant for the poll is not a reason to skip it. */
        private void commitOnStop(Consumer<String, byte[]> c) {
            Map<TopicPartition, OffsetAndMetadata> owed = takeUncommitted();
            try {
                commitNow(c, owed);
            } catch (WakeupException stopping) {
                commitNow(c, owed);
            }
        }

        /** Commits the given offsets and waits for the broker. */
        private void commitNow(Consumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (offsets.isEmpty()) {
                return;
            }
            try {
                c.commitSync(offsets);
            } catch (CommitFailedException | RebalanceInProgressException e) {
                // The partitions moved on: their new owner reads these records again, and the inbox
                // makes them duplicates.
                LOG.info("{}: could not commit offsets after a rebalance ({}); they will be redelivered", group, e);
            } catch (KafkaException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                LOG.warn("{}: committing offsets failed; the records will be redelivered: {}", group, e.toString());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Consumer<String, byte[]> c = consumer;
            Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = uncommitted.remove(partition);
                if (offset != null) {
                    leaving.put(partition, offset);
                }
            }
            if (c != null) {
                // The next owner starts where this one finished, not an interval earlier.
                commitNow(c, leaving);
            }
            retries.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(uncommitted::remove);
            retries.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.debug("{}: assigned {}", group, partitions);
        }

        void wakeup() {
            Consumer<String, byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }

        private void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
