package org.cosmicstock.messaging.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.retry.Backoff;
import org.cosmicstock.messaging.retry.Retrying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;

/**
 * The error handler of every consumer group's listener container: a batch that failed for a
 * transient reason pauses only the partitions it holds. The container hands the listener what one
 * poll returned: each of its partitions is sought back to its first unfinished record and paused for
 * the next interval of an exponential back-off without a limit on attempts, then delivered again,
 * for as long as the failure lasts; a {@link RetryFrom} names the partitions that wait, and the
 * others of the batch are done. Partitions outside the failed batch go on, and the consumer keeps
 * polling, so it stays in the group. Nothing of a failed batch is committed ({@link
 * #isAckAfterHandle()} is false).
 *
 * <p>spring-kafka's stock handlers pause the whole consumer during a back-off, which would stop
 * every partition of a thread for one bad database row (ADR 6).
 *
 * <p>Logs when a partition starts failing, once a minute while it keeps failing, and when it
 * recovers ({@link Retrying}); counts {@code consumer_retries_total} and {@code consumer_retrying_partitions}.
 */
public final class PartitionRetries implements CommonErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRetries.class);

    private final String group;
    private final Backoff backoff;
    private final Clock clock;
    private final ListenerContainerPauseService pauses;
    private final MessagingMetrics metrics;
    // A partition is handled by one consumer thread at a time, but the handler serves them all.
    private final Map<TopicPartition, Failing> failing = new ConcurrentHashMap<>();

    public PartitionRetries(String group, Backoff backoff, TaskScheduler scheduler, MessagingMetrics metrics) {
        this.group = group;
        this.backoff = backoff;
        this.clock = Clock.systemUTC();
        this.pauses = new ListenerContainerPauseService(null, scheduler);
        this.metrics = metrics;
    }

    /** The record a partition waits on, and its retries. */
    private record Failing(long offset, Retrying retrying) {}

    /**
     * A poll's records, every partition's, as one batch (one unit of work). If it fails with more than
     * one partition in it, each partition's records are tried again alone, so that a failure that
     * belongs to one partition pauses that partition only ({@link RetryFrom} names the ones that
     * failed); a failure of everything (the database away) fails each of them, as it would have alone.
     */
    public void deliver(RecordBatchHandler handler, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> partitions;
        try {
            handler.handle(records, this::failingFor);
            succeeded(records);
            return;
        } catch (RetryFrom waits) {
            throw waits; // Partition by partition already.
        } catch (Exception failed) {
            partitions = byPartition(records);
            if (partitions.size() == 1) {
                throw failed;
            }
            LOG.debug(
                    "{}: a batch of {} partitions failed, trying each alone: {}",
                    group,
                    partitions.size(),
                    failed.toString());
        }
        Map<TopicPartition, Long> waiting = new LinkedHashMap<>();
        Exception cause = null;
        for (var partition : partitions.entrySet()) {
            try {
                handler.handle(partition.getValue(), this::failingFor);
                succeeded(partition.getKey());
            } catch (RetryFrom waits) {
                waiting.putAll(waits.offsets());
                cause = cause == null ? waits : cause;
            } catch (Exception failed) {
                waiting.put(partition.getKey(), partition.getValue().get(0).offset());
                cause = cause == null ? failed : cause;
            }
        }
        if (!waiting.isEmpty()) {
            throw new RetryFrom(waiting, cause);
        }
    }

    /**
     * The partitions of a handled batch have recovered, if any was failing. The common case, none failing,
     * costs nothing per poll; a poll returns each partition's records together.
     */
    private void succeeded(List<ConsumerRecord<String, byte[]>> records) {
        ConsumerRecord<String, byte[]> previous = null;
        for (int i = 0; i < records.size() && !failing.isEmpty(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (previous == null
                    || previous.partition() != record.partition()
                    || !previous.topic().equals(record.topic())) {
                succeeded(new TopicPartition(record.topic(), record.partition()));
            }
            previous = record;
        }
    }

    /** A failed batch's records by partition, in the order they came (a poll returns a partition's together). */
    private static Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition(
            List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> partitions = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            partitions
                    .computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                    .add(record);
        }
        return partitions;
    }

    @Override
    public boolean seeksAfterHandling() {
        return true;
    }

    /** What failed is delivered again later: never committed. */
    @Override
    public boolean isAckAfterHandle() {
        return false;
    }

    @Override
    public void handleBatch(
            Exception thrown,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        Exception cause = unwrap(thrown);
        for (TopicPartition partition : data.partitions()) {
            long from = data.records(partition).get(0).offset();
            if (cause instanceof RetryFrom retry) {
                Long waitsFrom = retry.offsets().get(partition);
                if (waitsFrom == null) {
                    succeeded(partition); // Its records were handled: it goes on.
                    continue;
                }
                from = waitsFrom;
            }
            consumer.seek(partition, from);
            Duration pause = failed(partition, from, cause);
            pauses.pausePartition(container, partition, pause);
        }
    }

    @Override
    public void handleOtherException(
            Exception thrown, Consumer<?, ?> consumer, MessageListenerContainer container, boolean batchListener) {
        // Not a listener's failure (a commit that failed, for instance): the container goes on.
        LOG.warn("{}: consumer error, going on: {}", group, DeadLetters.reason(thrown));
    }

    /**
     * How long the record at {@code offset} of {@code partition} has been failing, zero if it is not
     * the record this partition is waiting on.
     */
    public Duration failingFor(TopicPartition partition, long offset) {
        Failing state = failing.get(partition);
        return state == null || state.offset != offset ? Duration.ZERO : state.retrying.failingFor();
    }

    /** The partition's records were handled: if it was failing, it has recovered. */
    public void succeeded(TopicPartition partition) {
        Failing state = failing.remove(partition);
        if (state != null) {
            metrics.retrying(partition.topic(), -1);
            state.retrying.succeeded();
        }
    }

    /** The partitions went to another member (or the consumer stops): it retries them from the committed offset. */
    public void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            if (failing.remove(partition) != null) {
                metrics.retrying(partition.topic(), -1);
            }
        }
    }

    /** Records a failed attempt at the record at {@code offset}; returns how long the partition waits. */
    private Duration failed(TopicPartition partition, long offset, Exception cause) {
        Failing state = failing.get(partition);
        if (state == null || state.offset != offset) {
            if (state == null) {
                metrics.retrying(partition.topic(), +1);
            }
            String what = group + " partition " + partition + " at offset " + offset;
            state = new Failing(offset, new Retrying(LOG, what, backoff, clock));
            failing.put(partition, state);
        }
        metrics.retried(partition.topic());
        return state.retrying.failed(cause);
    }

    private static Exception unwrap(Exception thrown) {
        Throwable cause = thrown;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception e ? e : thrown;
    }
}
