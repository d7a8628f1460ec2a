package org.cosmicstock.stockview.bootstrap;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code cosmicstock.stock-view}.
 *
 * @param cache where the view lives: {@code in-memory} (each replica its own, replayed from the
 *     beginning of the topic on every start) or {@code redis} (shared by the replicas, surviving
 *     restarts)
 * @param partitionCheckInterval how often the reader looks for partitions added to the topic
 * @param deadLetterPatience how long dead-lettering may keep failing before the replica reports not ready
 */
@ConfigurationProperties("cosmicstock.stock-view")
public record StockViewProperties(
        @DefaultValue(IN_MEMORY) String cache,
        @DefaultValue Redis redis,
        @DefaultValue("30s") Duration partitionCheckInterval,
        @DefaultValue("60s") Duration deadLetterPatience) {

    public static final String IN_MEMORY = "in-memory";
    public static final String REDIS = "redis";

    public StockViewProperties {
        cache = cache == null ? "" : cache.trim().toLowerCase(Locale.ROOT);
        if (!cache.equals(IN_MEMORY) && !cache.equals(REDIS)) {
            throw new IllegalArgumentException("cosmicstock.stock-view.cache (COSMICSTOCK_STOCKVIEW_CACHE) must be '"
                    + IN_MEMORY + "' or '" + REDIS + "', was '" + cache + "'");
        }
        requirePositive(
                partitionCheckInterval,
                "cosmicstock.stock-view.partition-check-interval (COSMICSTOCK_STOCKVIEW_PARTITIONCHECKINTERVAL)");
        requirePositive(
                deadLetterPatience,
                "cosmicstock.stock-view.dead-letter-patience (COSMICSTOCK_STOCKVIEW_DEADLETTERPATIENCE)");
    }

    public boolean redisSelected() {
        return cache.equals(REDIS);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration such as 30s, was " + value);
        }
    }

    /**
     * @param url Lettuce's URI syntax, e.g. {@code redis://:password@host:6379/0}
     * @param keyPrefix every key of the view starts with it, so several views can share one Redis
     * @param timeout how long one Redis command may take before the view counts as unavailable
     */
    public record Redis(
            @DefaultValue("redis://127.0.0.1:6379") String url,
            @DefaultValue("stockview:") String keyPrefix,
            @DefaultValue("2s") Duration timeout) {}
}
