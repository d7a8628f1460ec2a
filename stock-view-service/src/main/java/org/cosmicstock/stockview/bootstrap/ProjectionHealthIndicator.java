package org.cosmicstock.stockview.bootstrap;

import org.cosmicstock.stockview.adapters.kafka.ReplayProgress;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Not ready until the view has replayed the events topic up to where it ended when the reader
 * (re)started, which includes the whole of a rebuild; down while the reader keeps failing.
 */
final class ProjectionHealthIndicator implements HealthIndicator {

    private final ReplayProgress progress;

    ProjectionHealthIndicator(ReplayProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        if (progress.failure() != null) {
            return Health.down()
                    .withDetail("error", progress.failure().toString())
                    .build();
        }
        Health.Builder builder = progress.caughtUp() ? Health.up() : Health.outOfService();
        return builder.withDetail("eventsToReplay", progress.total())
                .withDetail("remaining", Math.max(0, progress.remaining()))
                .build();
    }
}
