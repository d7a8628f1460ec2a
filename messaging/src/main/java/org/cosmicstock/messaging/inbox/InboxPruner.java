package org.cosmicstock.messaging.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes receipts older than the retention, a slice at a time so no long lock is held. The
 * retention must outlast every way a record can come back: the commands topic's retention and the
 * broker's retention of a consumer group's offsets (after which a group starts again from the
 * earliest record). A receipt removed before that would let a redelivered message apply twice.
 */
public final class InboxPruner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxPruner.class);
    private static final int SLICE = 10_000;

    private final DataSource dataSource;
    private final JdbcInbox inbox;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "inbox-pruner");
        thread.setDaemon(true);
        return thread;
    });

    public InboxPruner(DataSource dataSource, JdbcInbox inbox, Duration retention, Duration interval, Clock clock) {
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.retention = retention;
        this.interval = interval;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::pruneQuietly, 1, interval.toSeconds(), TimeUnit.SECONDS);
    }

    /** Removes every receipt older than the retention; returns how many. */
    public int prune() throws SQLException {
        int total = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            int deleted;
            do {
                deleted = inbox.prune(connection, clock.instant().minus(retention), SLICE);
                total += deleted;
            } while (deleted == SLICE);
        }
        return total;
    }

    private void pruneQuietly() {
        try {
            int removed = prune();
            if (removed > 0) {
                LOG.info("Removed {} inbox receipts older than {}", removed, retention);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Pruning the inbox failed; trying again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
