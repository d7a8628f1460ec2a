package org.cosmicstock.messaging.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.retry.Backoff;
import org.cosmicstock.messaging.retry.Retrying;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka in id order, a batch per round, and marks the ones the
 * broker acknowledged with one statement. A commit wakes it at once; the poll interval is only the
 * fallback (for rows committed by another instance). With several instances running, an advisory
 * lock lets one publish at a time, which keeps per-key order. Delivery is at least once: a crash
 * between the acknowledgement and the commit republishes those rows; consumers de-duplicate.
 *
 * <p>Through failures (ADR 3): it sends through an {@link OutboxSender} (the topics' metadata
 * first, a new producer after a failure), stops at the first row that fails and marks only the
 * rows before it, so no later row of a key is ever acknowledged ahead of an earlier one that is
 * sent again; it holds the lock and the connection only while sending, backs off and reports the
 * failure as {@link Retrying} does, refreshes the backlog gauges whatever happens
 * ({@link OutboxHousekeeping}), and parks a row that keeps failing for a reason of its own (too large, invalid,
 * unserialisable: {@link #isRowsOwnFault}) so that it stops blocking the others; later rows of its
 * key wait behind it. A timeout, a broker away, too few in-sync replicas never count toward parking.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelayOutbox outbox;
    private final OutboxSender sender;
    private final OutboxHousekeeping housekeeping;
    private final MessagingMetrics metrics;
    private final OutboxRelaySettings settings;
    private final Clock clock;
    private final Retrying publishing;
    private final ReadFloor floor = new ReadFloor();
    private final RelayThread thread = new RelayThread(this::round);

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
        this.outbox = outbox;
        this.sender = new OutboxSender(
                producers,
                settings.sendTimeout(),
                tracing,
                row -> metrics.published(
                        row.topic(), row.simpleType(), Duration.between(row.createdAt(), clock.instant())));
        this.housekeeping = new OutboxHousekeeping(outbox, metrics, settings, clock);
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        // After a failure, the pause between rounds doubles from the poll interval up to the maximum.
        Duration maxBackoff = settings.maxBackoff().compareTo(settings.pollInterval()) < 0
                ? settings.pollInterval()
                : settings.maxBackoff();
        this.publishing = new Retrying(
                LOG, "Outbox relay", new Backoff(settings.pollInterval(), 2, maxBackoff, Duration.ZERO), clock);
    }

    /** Starts the relay's thread ({@link RelayThread}), which calls {@link #round()} in a loop. */
    public void start() {
        thread.start();
    }

    /** Called after a commit that wrote outbox rows. */
    public void wake() {
        thread.wake();
    }

    /**
     * Publishes one batch if this instance holds the relay lock; returns how many rows it published.
     *
     * @throws PublishFailed when the broker could not take a row; the rows before it were published
     */
    public synchronized int publishOnce() throws SQLException, InterruptedException {
        try (RelayOutbox.Round round = outbox.begin()) {
            try {
                RelayOutbox.Read read = round.lockAndReadNextRows(
                        floor.readAfter(clock.instant()), settings.batchSize(), floor.wantsMark());
                List<OutboxRow> rows = read.rows();
                if (rows.isEmpty()) {
                    round.commit();
                    floor.afterRound(read, 0, settings.batchSize());
                    return 0;
                }
                OutboxSender.Sent sent = sender.send(rows);
                List<OutboxRow> acknowledged = rows.subList(0, sent.acknowledged());
                round.markPublished(acknowledged);
                if (sent.failure() == null) {
                    round.commit();
                    floor.afterRound(read, acknowledged.size(), settings.batchSize());
                    return rows.size();
                }
                OutboxRow failed = rows.get(sent.acknowledged());
                boolean parked = false;
                if (isRowsOwnFault(sent.failure())) {
                    parked = round.recordFailure(failed, DeadLetters.reason(sent.failure()), settings.maxAttempts());
                }
                round.commit();
                floor.afterRound(read, acknowledged.size(), settings.batchSize());
                sender.discardProducer();
                if (parked) {
                    LOG.error(
                            "Parked outbox row {} ({} to {}) after {} failed attempts: {}. Later rows of its key"
                                    + " wait behind it; re-queue it with POST /actuator/outbox once fixed",
                            failed.id(),
                            failed.simpleType(),
                            failed.topic(),
                            settings.maxAttempts(),
                            DeadLetters.reason(sent.failure()));
                }
                throw new PublishFailed(sent.acknowledged(), failed, sent.failure());
            } catch (SQLException | RuntimeException | InterruptedException e) {
                rollbackQuietly(round);
                throw e;
            }
        }
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

    /** What the relay does after a round: wait this long, or (idle) until a commit wakes it or this long passed. */
    public record Pause(Duration duration, boolean untilWoken) {}

    /**
     * One round of the relay's thread, without its waiting: publishes a batch, counts and reports a
     * failure, refreshes the backlog now and then; returns how long to pause before the next round
     * (the back-off after a failure doubles up to the maximum). The thread calls it in a loop; a
     * caller that drives time itself (the simulation) calls it instead of {@link #start()}, never both.
     */
    public Pause round() throws InterruptedException {
        int published;
        try {
            published = publishOnce();
            publishing.succeeded();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            metrics.publishFailed();
            Duration pause = publishing.failed(e);
            housekeeping.run(thread::running);
            return new Pause(pause, false);
        }
        housekeeping.run(thread::running);
        return published < settings.batchSize()
                ? new Pause(settings.pollInterval(), true)
                : new Pause(Duration.ZERO, false);
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

    private static void rollbackQuietly(RelayOutbox.Round round) {
        try {
            round.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed (the connection is gone): {}", e.toString());
        }
    }

    /** Stops the relay and closes its producer; safe to call more than once. */
    @Override
    public void close() {
        thread.stop();
        synchronized (this) {
            sender.close();
        }
    }
}
