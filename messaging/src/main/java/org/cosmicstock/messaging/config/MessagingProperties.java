package org.cosmicstock.messaging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code cosmicstock.messaging}; every one has a default that runs locally.
 *
 * @param source the {@code ce_source} of what this service emits, e.g. {@code /allocation-service}
 * @param topics how topics this service creates at start-up are made
 * @param consumer how many consumer threads each listener runs (at most one per partition is busy)
 * @param retry how a failing record is retried before it is dead-lettered
 * @param outbox how the outbox relay runs
 */
@ConfigurationProperties("cosmicstock.messaging")
public record MessagingProperties(
        String source,
        @DefaultValue Topics topics,
        @DefaultValue Consumer consumer,
        @DefaultValue Retry retry,
        @DefaultValue Outbox outbox) {

    /**
     * @param commands the topic of allocation commands
     * @param events the topic of allocation events
     * @param create whether the service creates the topics it uses at start-up
     */
    public record Topics(
            @DefaultValue("allocation.commands") String commands,
            @DefaultValue("allocation.events") String events,
            @DefaultValue("true") boolean create,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicas) {}

    public record Consumer(@DefaultValue("3") int concurrency) {}

    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("6") int maxRetries) {}

    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("10m") Duration cleanupInterval) {}
}
