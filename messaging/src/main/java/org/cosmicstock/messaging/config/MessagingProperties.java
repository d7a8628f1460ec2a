package org.cosmicstock.messaging.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code cosmicstock.messaging}; every one has a default that runs locally.
 *
 * @param source the {@code ce_source} of what this service emits, e.g. {@code /allocation-service}
 * @param topics how topics this service creates at start-up are made
 * @param consumer how the consumers poll
 * @param retry how a batch that failed for a transient reason is tried again (for as long as it fails)
 * @param outbox how the outbox relay runs
 * @param inbox how long receipts of applied messages are kept
 * @param schemaRegistry where the schemas live when messages are written in the schema-registry format
 * @param schemas which version of each message type this service writes (and, to rehearse an upgrade, reads)
 */
@ConfigurationProperties("cosmicstock.messaging")
public record MessagingProperties(
        String source,
        @DefaultValue Topics topics,
        @DefaultValue Consumer consumer,
        @DefaultValue Retry retry,
        @DefaultValue Outbox outbox,
        @DefaultValue Inbox inbox,
        @DefaultValue SchemaRegistry schemaRegistry,
        @DefaultValue Schemas schemas) {

    /**
     * @param commands the topic of allocation commands
     * @param events the topic of allocation events
     * @param create whether the service creates (and keeps the configuration of) the topics it uses at start-up
     * @param minInsyncReplicas replicas that must have a record before acks=all succeeds (2 in production)
     * @param commandsRetentionMs how long the commands topic keeps records (7 days)
     * @param eventsRetentionMs how long the events topic keeps records: -1, forever, because the stock
     *     view replays it from the beginning
     */
    public record Topics(
            @DefaultValue("allocation.commands") String commands,
            @DefaultValue("allocation.events") String events,
            @DefaultValue("true") boolean create,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicas,
            @DefaultValue("1") int minInsyncReplicas,
            @DefaultValue("604800000") long commandsRetentionMs,
            @DefaultValue("-1") long eventsRetentionMs) {}

    /**
     * @param concurrency consumer threads per consumer group (each takes a share of the partitions);
     *     one by default: a poll of every partition is one unit of work, and more threads mean more,
     *     emptier ones (ADR 6); an instance scales out by replicas
     * @param maxPollRecords the most records one poll returns: the largest batch
     * @param commitInterval how often finished offsets are committed (asynchronously; 0 commits
     *     synchronously after every partition's batch): a crash redelivers at most this much, as
     *     duplicates
     */
    public record Consumer(
            @DefaultValue("1") int concurrency,
            @DefaultValue("500") int maxPollRecords,
            @DefaultValue("100ms") Duration commitInterval) {}

    /**
     * @param conflictAttempts how often a batch that lost a version conflict is tried in process before
     *     its partition backs off
     * @param notYetFor how long a record that may pass a moment later (a schema id the registry does
     *     not know yet, a {@code ChangeBatchQuantity} read before its batch's {@code CreateBatch}) is
     *     retried, its partition waiting, before it is dead-lettered
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("5") int conflictAttempts,
            @DefaultValue("30s") Duration notYetFor) {}

    /**
     * @param maxBlock how long a send may wait for the broker's metadata before the relay backs off
     * @param linger how long the producer waits to fill a batch
     * @param batchBytes the producer's batch size
     * @param compression the producer's compression (lz4, zstd, snappy, gzip or none)
     * @param maxAttempts failed attempts after which a row that fails for a reason of its own is parked
     * @param retention how long published rows are kept (for inspection) before removal
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("5s") Duration maxBlock,
            @DefaultValue("5ms") Duration linger,
            @DefaultValue("262144") int batchBytes,
            @DefaultValue("lz4") String compression,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1h") Duration retention,
            @DefaultValue("1m") Duration cleanupInterval) {}

    /**
     * @param retention how long a receipt is kept: longer than a record can be redelivered (the
     *     commands topic's retention, 7 days, and the broker's retention of a group's offsets, 7 days)
     * @param pruneInterval how often older receipts are removed
     */
    public record Inbox(
            @DefaultValue("8d") Duration retention,
            @DefaultValue("1h") Duration pruneInterval) {}

    /**
     * @param url the Confluent-compatible API of a schema registry (e.g. Apicurio's
     *     {@code http://host:8080/apis/ccompat/v7}); blank (the default) means no registry: messages are
     *     written in Avro single-object encoding, and registry-format ones cannot be read
     * @param subjectNaming {@code record} (the subject is the record's full name) or {@code topic-record}
     * @param registration at start-up, {@code verify} that the schemas this service writes are registered
     *     (refuse to start otherwise), or {@code register} them
     */
    public record SchemaRegistry(
            @DefaultValue("") String url,
            String username,
            String password,
            @DefaultValue("record") String subjectNaming,
            @DefaultValue("verify") String registration,
            @DefaultValue("2s") Duration timeout) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Schema versions per message type, the type named by its simple name ({@code Allocated}; any case, so
     * {@code COSMICSTOCK_MESSAGING_SCHEMAS_WRITE_ALLOCATED=2} works) or its full name. Checked at start-up: an
     * unknown type or a version that is not released stops the service.
     *
     * @param write the version written; a type not given is written in the version shared-schemas declares
     *     for this release (the newest one the previous release reads, so that a rolling upgrade dead-letters
     *     nothing). Raise it once every reader runs a release that knows the newer version
     *     (docs/adding-a-schema-version.md)
     * @param read the newest version read in single-object encoding; a type not given is read in every
     *     released version. Only to rehearse an upgrade: the service then reads as a release that knew only
     *     those versions did, and dead-letters newer ones
     */
    public record Schemas(Map<String, Integer> write, Map<String, Integer> read) {

        public Schemas {
            write = write == null ? Map.of() : Map.copyOf(write);
            read = read == null ? Map.of() : Map.copyOf(read);
        }
    }
}
