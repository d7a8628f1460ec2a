package org.cosmicstock.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka, in id order, then marks them published in the same
 * transaction that locked them. A commit wakes it at once; the poll interval is only the fallback
 * (for rows committed by another instance). With several instances running, an advisory lock lets
 * one publish at a time, which keeps per-key order. Delivery is at least once: a crash between the
 * broker's acknowledgement and the commit republishes those rows, and consumers de-duplicate by
 * {@code ce_id}.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final MessagingMetrics metrics;
    private final OutboxRelaySettings settings;
    private final Clock clock;
    private final OutboxStore store = new OutboxStore();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);

    private Instant nextCleanup;
    private Instant nextBacklogRefresh = Instant.MIN;

    public OutboxRelay(
            DataSource dataSource,
            Producer<String, byte[]> producer,
            MessagingMetrics metrics,
            OutboxRelaySettings settings,
            Clock clock) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.nextCleanup = clock.instant();
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

    /** Publishes one batch if this instance holds the relay lock; returns how many rows it published. */
    public int publishOnce() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!store.tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<OutboxRow> rows = store.nextRows(connection, settings.batchSize());
                if (!rows.isEmpty()) {
                    send(rows);
                    store.markPublished(connection, rows);
                }
                connection.commit();
                return rows.size();
            } catch (SQLException | InterruptedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void send(List<OutboxRow> rows) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            CloudEventHeaders.write(record.headers(), row.context(), row.type(), row.source(), row.createdAt());
            acks.add(producer.send(record));
        }
        producer.flush();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                acks.get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(
                        "Publishing outbox row " + row.id() + " to " + row.topic() + " failed: " + e.getMessage(), e);
            }
            metrics.published(row.topic(), row.simpleType(), Duration.between(row.createdAt(), clock.instant()));
        }
    }

    private void run() {
        Duration backoff = settings.pollInterval();
        while (running) {
            try {
                int published = publishOnce();
                refreshBacklogAndCleanUp();
                backoff = settings.pollInterval();
                if (published < settings.batchSize()) {
                    wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** At most once per {@link #BACKLOG_REFRESH}: under load the relay wakes for every commit. */
    private void refreshBacklogAndCleanUp() throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextBacklogRefresh)) {
            return;
        }
        nextBacklogRefresh = now.plus(BACKLOG_REFRESH);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            OutboxStore.Backlog backlog = store.backlog(connection, now);
            metrics.outboxBacklog(backlog.pending(), backlog.oldestAgeSeconds());
            if (!now.isBefore(nextCleanup)) {
                int deleted = store.deletePublishedBefore(connection, now.minus(settings.retention()));
                if (deleted > 0) {
                    LOG.info("Removed {} published outbox rows older than {}", deleted, settings.retention());
                }
                nextCleanup = now.plus(settings.cleanupInterval());
            }
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
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
