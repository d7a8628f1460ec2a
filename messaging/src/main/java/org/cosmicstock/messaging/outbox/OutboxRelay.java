package org.cosmicstock.messaging.outbox;

import io.micrometer.tracing.Span;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka in id order, a batch per round, and marks the ones the
 * broker acknowledged with one statement. A commit wakes it at once; the poll interval is only the
 * fallback (for rows committed by another instance). With several instances running, an advisory
 * lock lets one publish at a time, which keeps per-key order. Delivery is at least once: a crash
 * between the acknowledgement and the commit republishes those rows; consumers de-duplicate.
 *
 * <p>Through failures (ADR 3): it asks for the topics' metadata before sending (a broker that is
 * away is found out before anything is sent, in the producer's short block time), stops at the
 * first row that fails and marks only the rows before it, so no later row of a key is ever
 * acknowledged ahead of an earlier one that is sent again; it starts a new producer after a
 * failure, holds the lock and the connection only while sending, refreshes the backlog gauges
 * whatever happens, and parks a row that keeps failing for a reason of its own (too large, invalid,
 * unserialisable: {@link #isRowsOwnFault}) so that it stops blocking the others; later rows of its
 * key wait behind it. A timeout, a broker away, too few in-sync replicas never count toward parking.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);
    private static final Duration FAILURE_REPORT = Duration.ofMinutes(1);
    private static final int CLEANUP_BATCH = 10_000;

    private final RelayOutbox outbox;
    private final Supplier<Producer<String, byte[]>> producers;
    private final MessagingMetrics metrics;
    private final OutboxRelaySettings settings;
    private final Clock clock;
    private final MessageTracing tracing;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ReadFloor floor = new ReadFloor();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer;
    private Instant nextCleanup;
    private Instant nextBacklogRefresh = Instant.MIN;
    private Instant failingSince;
    private Instant lastFailureReport = Instant.MIN;
    private Duration backoff;

    public OutboxRelay(
            DataSource dataSource,
            Supplier<Producer<String, byte[]>> producers,
            MessagingMetrics metrics,
            OutboxRelaySettings settings,
            Clock clock) {
        this(dataSource, producers, metrics, settings, clock, MessageTracing.NONE);
    }

    /** @param tracing a span per row published, the parent of whoever reads the record */
    public OutboxRelay(
            DataSource dataSource,
            Supplier<Producer<String, byte[]>> producers,
            MessagingMetrics metrics,
            OutboxRelaySettings settings,
            Clock clock,
            MessageTracing tracing) {
        this(new JdbcRelayOutbox(dataSource), producers, metrics, settings, clock, tracing);
    }

    /**
     * Over any outbox table: production's is PostgreSQL (the constructors with a {@link DataSource});
     * the simulation's is in memory, its rounds driven by {@link #round()} without the thread.
     */
    public OutboxRelay(
            RelayOutbox outbox,
            Supplier<Producer<String, byte[]>> producers,
            MessagingMetrics metrics,
            OutboxRelaySettings settings,
            Clock clock,
            MessageTracing tracing) {
        this.tracing = tracing;
        this.outbox = outbox;
        this.producers = producers;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.nextCleanup = clock.instant();
        this.backoff = settings.pollInterval();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after a commit that wrote outbox rows. */
    public void wake() {
        wakeUp.release();
    }

    /**
     * Publishes one batch if this instance holds the relay lock; returns how many rows it published.
     *
     * @throws PublishFailed when the broker could not take a row; the rows before it were published
     */
    public synchronized int publishOnce() throws SQLException, InterruptedException {
        Producer<String, byte[]> p = producer();
        try (RelayOutbox.Round round = outbox.begin()) {
            try {
                List<OutboxRow> rows =
                        round.lockAndReadNextRows(floor.readAfter(clock.instant()), settings.batchSize());
                if (rows.isEmpty()) {
                    round.commit();
                    return 0;
                }
                askForMetadata(p, rows);
                Sent sent = send(p, rows);
                List<OutboxRow> acknowledged = rows.subList(0, sent.acknowledged);
                round.markPublished(acknowledged);
                if (sent.failure == null) {
                    round.commit();
                    published(rows, acknowledged);
                    return rows.size();
                }
                OutboxRow failed = rows.get(sent.acknowledged);
                boolean parked = false;
                if (isRowsOwnFault(sent.failure)) {
                    parked = round.recordFailure(failed, DeadLetters.reason(sent.failure), settings.maxAttempts());
                }
                round.commit();
                published(rows, acknowledged);
                discardProducer();
                if (parked) {
                    LOG.error(
                            "Parked outbox row {} ({} to {}) after {} failed attempts: {}. Later rows of its key"
                                    + " wait behind it; re-queue it with POST /actuator/outbox once fixed",
                            failed.id(),
                            failed.simpleType(),
                            failed.topic(),
                            settings.maxAttempts(),
                            DeadLetters.reason(sent.failure));
                }
                throw new PublishFailed(sent.acknowledged, failed, sent.failure);
            } catch (SQLException | RuntimeException | InterruptedException e) {
                rollbackQuietly(round);
                throw e;
            }
        }
    }

    private void published(List<OutboxRow> read, List<OutboxRow> acknowledged) {
        floor.published(
                read.get(0).id(), acknowledged.stream().map(OutboxRow::id).toList(), clock.instant());
    }

    /**
     * Whether a row failed for a reason of its own, which no wait can cure: too large for the producer
     * or the topic, a record or topic name the broker calls invalid, a value that does not serialise.
     * Only these count toward parking. Everything else is the broker's or the cluster's state (away,
     * slow, a timeout of the relay's own, too few in-sync replicas, a leader moving, an ACL, a
     * producer in a bad state) and is retried with back-off for as long as it lasts: parking a healthy
     * row would hold every later row of its key until an operator re-queued it.
     */
    static boolean isRowsOwnFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException
                    || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private void askForMetadata(Producer<String, byte[]> p, List<OutboxRow> rows) {
        Set<String> topics = new LinkedHashSet<>();
        rows.forEach(row -> topics.add(row.topic()));
        for (String topic : topics) {
            try {
                p.partitionsFor(topic);
            } catch (RuntimeException e) {
                discardProducer();
                throw new PublishFailed(0, rows.get(0), e);
            }
        }
    }

    private record Sent(int acknowledged, Exception failure) {}

    private Sent send(Producer<String, byte[]> p, List<OutboxRow> rows) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            // A span from the send to the broker's answer, a child of the span that wrote the row; the
            // record carries it as its traceparent.
            MessageTracing.Traced span = tracing.start(
                    "publish " + row.topic(),
                    row.context().traceparent(),
                    Span.Kind.PRODUCER,
                    Map.of(
                            "messaging.destination.name",
                            row.topic(),
                            "messaging.message.id",
                            row.context().messageId()));
            span.leave();
            CloudEventHeaders.write(
                    record.headers(),
                    row.context().within(span.traceparent()),
                    row.type(),
                    row.createdAt(),
                    MessageCodec.contentTypeOf(row.payload()));
            // Stop at the first row the producer refuses, whether it throws (no metadata in time) or
            // hands back a future that has already failed (too large): a later row of the same key
            // must never go out ahead of this one.
            Future<RecordMetadata> ack;
            try {
                ack = p.send(record, (metadata, error) -> {
                    if (error != null) {
                        span.error(error);
                    }
                    span.end();
                });
            } catch (RuntimeException e) {
                span.error(e);
                span.end();
                failure = e;
                break;
            }
            Exception refused = refusedAtOnce(ack);
            if (refused != null) {
                failure = refused;
                break;
            }
            acks.add(ack);
        }
        p.flush();
        int acknowledged = 0;
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (TimeoutException e) {
                failure = e;
                break;
            }
            OutboxRow row = rows.get(acknowledged++);
            metrics.published(row.topic(), row.simpleType(), Duration.between(row.createdAt(), clock.instant()));
        }
        return new Sent(acknowledged, acknowledged == rows.size() ? null : failure);
    }

    /** The failure of a send the producer refused before sending anything, or null. */
    private static Exception refusedAtOnce(Future<RecordMetadata> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** What the relay does after a round: wait this long, or (idle) until a commit wakes it or this long passed. */
    public record Pause(Duration duration, boolean untilWoken) {}

    /**
     * One round of the relay's thread, without its waiting: publishes a batch, counts and reports a
     * failure, refreshes the backlog now and then; returns how long to pause before the next round
     * (the back-off after a failure doubles up to the maximum). The thread calls it in a loop; a
     * caller that drives time itself (the simulation) calls it instead of {@link #start()}, never both.
     */
    public Pause round() throws InterruptedException {
        int published = 0;
        boolean failed = false;
        try {
            published = publishOnce();
            recovered();
            backoff = settings.pollInterval();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failed = true;
            metrics.publishFailed();
            reportFailure(e, backoff);
        }
        refreshBacklogAndCleanUp();
        if (failed) {
            Duration pause = backoff;
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                    ? settings.maxBackoff()
                    : backoff.multipliedBy(2);
            return new Pause(pause, false);
        }
        return published < settings.batchSize()
                ? new Pause(settings.pollInterval(), true)
                : new Pause(Duration.ZERO, false);
    }

    private void run() {
        while (running) {
            Pause pause;
            try {
                pause = round();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (pause.untilWoken()) {
                try {
                    wakeUp.tryAcquire(pause.duration().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (!pause.duration().isZero()) {
                sleep(pause.duration());
            }
        }
    }

    private void reportFailure(Exception e, Duration backoff) {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
            lastFailureReport = now;
            LOG.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
        } else if (Duration.between(lastFailureReport, now).compareTo(FAILURE_REPORT) >= 0) {
            lastFailureReport = now;
            LOG.warn(
                    "Outbox relay still cannot publish after {} s: {}",
                    Duration.between(failingSince, now).toSeconds(),
                    e.getMessage());
        }
    }

    private void recovered() {
        if (failingSince != null) {
            LOG.info(
                    "Outbox relay publishes again after {} s",
                    Duration.between(failingSince, clock.instant()).toSeconds());
            failingSince = null;
        }
    }

    /** At most once per second (under load the relay wakes for every commit), and whatever happened before. */
    private void refreshBacklogAndCleanUp() {
        Instant now = clock.instant();
        if (now.isBefore(nextBacklogRefresh)) {
            return;
        }
        nextBacklogRefresh = now.plus(BACKLOG_REFRESH);
        try (RelayOutbox.Housekeeping housekeeping = outbox.housekeeping()) {
            RelayOutbox.Backlog backlog = housekeeping.backlog(now);
            metrics.outboxBacklog(backlog.pending(), backlog.oldestAgeSeconds(), backlog.parked());
            if (!now.isBefore(nextCleanup)) {
                nextCleanup = now.plus(settings.cleanupInterval());
                int deleted;
                do {
                    deleted = housekeeping.deletePublishedBefore(now.minus(settings.retention()), CLEANUP_BATCH);
                    if (deleted > 0) {
                        LOG.info("Removed {} published outbox rows older than {}", deleted, settings.retention());
                    }
                } while (deleted == CLEANUP_BATCH && running);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not refresh the outbox backlog: {}", e.toString());
        }
    }

    /** Rows set aside after failing repeatedly, oldest first. */
    public List<ParkedRow> parked(int limit) throws SQLException {
        return outbox.parked(limit);
    }

    /** Puts a parked row (or, with null, every parked row) back in line; returns how many. */
    public int requeue(Long id) throws SQLException {
        int requeued = outbox.requeue(id);
        if (requeued > 0) {
            LOG.info("Re-queued {} parked outbox row(s)", requeued);
            floor.sweepNext();
            wake();
        }
        return requeued;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    // A producer that failed may hold a fatal error or a stale view of the cluster: start afresh.
    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing a failed producer: {}", e.toString());
            }
            producer = null;
        }
    }

    private static void rollbackQuietly(RelayOutbox.Round round) {
        try {
            round.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed (the connection is gone): {}", e.toString());
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

    /** Stops the relay and closes its producer; safe to call more than once. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
