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
        private volatile Consumer<String, byte[]> consumer;
        private Thread thread;

        @Override
        public void run() {
            while (running) {
                try (Consumer<String, byte[]> c = consumers.get()) {
                    consumer = c;
                    c.subscribe(topics, this);
                    while (running) {
                        pollOnce(c);
                    }
                } catch (WakeupException stopping) {
                    // close() was called
                } catch (RuntimeException e) {
                    // The consumer itself failed (not a handler: those are retried per partition).
                    LOG.error("{}: consumer failed, starting a new one in {} s", group, RESTART_PAUSE.toSeconds(), e);
                    sleep(RESTART_PAUSE);
                } finally {
                    consumer = null;
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
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
            for (TopicPartition partition : polled.partitions()) {
                List<ConsumerRecord<String, byte[]>> records = polled.records(partition);
                try {
                    handler.handle(records);
                    long next = records.get(records.size() - 1).offset() + 1;
                    finished.put(partition, new OffsetAndMetadata(next));
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
            commit(c, finished);
        }

        private void commit(Consumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
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
            retries.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
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
