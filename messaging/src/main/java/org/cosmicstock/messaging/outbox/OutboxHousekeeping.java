package org.cosmicstock.messaging.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's bookkeeping between rounds: the backlog gauges, refreshed at most once per second
 * (under load the relay wakes for every commit), and the removal of published rows older than the
 * retention, every cleanup interval. Runs after every round, whatever happened in it.
 */
final class OutboxHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxHousekeeping.class);
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);
    private static final int CLEANUP_BATCH = 10_000;

    private final RelayOutbox outbox;
    private final MessagingMetrics metrics;
    private final OutboxRelaySettings settings;
    private final Clock clock;
    private Instant nextCleanup = Instant.MIN;
    private Instant nextBacklogRefresh = Instant.MIN;

    OutboxHousekeeping(RelayOutbox outbox, MessagingMetrics metrics, OutboxRelaySettings settings, Clock clock) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refreshes the backlog and cleans up if due; {@code running} says whether to go on with a long cleanup. */
    void run(BooleanSupplier running) {
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
                } while (deleted == CLEANUP_BATCH && running.getAsBoolean());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not refresh the outbox backlog: {}", e.toString());
        }
    }
}
