package org.cosmicstock.stockview.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cosmicstock.stockview.adapters.kafka.DeadLetterTrouble;
import org.cosmicstock.stockview.adapters.kafka.ReaderState;
import org.cosmicstock.stockview.adapters.kafka.ReplayProgress;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready while the served view is complete up to where the topic ended when the reader (re)started
 * and keeps following it, including while a rebuild fills a new generation beside it and while the
 * broker is away. Out of service while replaying; down, with the reason, when the view was lost,
 * when the topic lost events the view never applied, when reading keeps failing, or when a dead
 * letter has not been written for longer than the configured patience.
 */
record ProjectionHealthIndicator(ReplayProgress progress, DeadLetterTrouble deadLetters) implements HealthIndicator {

    @Override
    public Health health() {
        ReaderState state = progress.state();
        String stuck = deadLetters.stuck();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.label());
        if (progress.generation() != null) {
            details.put("generation", progress.generation());
        }
        details.put("eventsToReplay", progress.total());
        details.put("remaining", Math.max(0, progress.remaining()));
        Health.Builder builder;
        if (stuck != null) {
            builder = Health.down();
            details.put("reason", stuck);
        } else if (state.serving()) {
            builder = Health.up();
        } else if (state == ReaderState.STARTING || state == ReaderState.REPLAYING) {
            builder = Health.outOfService();
        } else {
            builder = Health.down();
            details.put("reason", progress.reason());
        }
        return builder.withDetails(details).build();
    }
}
