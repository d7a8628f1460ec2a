package org.cosmicstock.stockview.bootstrap;

import org.cosmicstock.stockview.adapters.cache.RedisConnection;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the store holding the view answers. Always present, so that readiness can include it
 * whichever cache is configured; with Redis a replica that cannot reach it takes no traffic.
 */
final class CacheHealthIndicator implements HealthIndicator {

    private final RedisConnection redis;

    /** @param redis null when the view is in memory */
    CacheHealthIndicator(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        if (redis == null) {
            return Health.up()
                    .withDetail("cache", StockViewProperties.IN_MEMORY)
                    .build();
        }
        Health.Builder builder;
        try {
            redis.ping();
            builder = Health.up();
        } catch (ViewUnavailable e) {
            builder = Health.down().withDetail("error", e.getMessage());
        }
        return builder.withDetail("cache", StockViewProperties.REDIS)
                .withDetail("address", redis.address())
                .build();
    }
}
