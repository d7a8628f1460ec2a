package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.MovableClock;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class OutboxRelayIT {

    private final MessageCodec codec = MessageCodec.create();
    private final OutboxWriter writer = new OutboxWriter(codec, "/test", Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessagingMetrics metrics = new MessagingMetrics(registry);
    private DataSource dataSource;
    private String topic;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = TestPostgres.freshMessagingDatabase();
        topic = TestKafka.uniqueTopic("relay");
        TestKafka.createTopic(topic, 6);
    }

    @Test
    void publishesCommittedRowsWithEveryHeaderAndMarksThemPublished() throws Exception {
        MessageContext cause = MessageContext.newFlow("/test-client");
        MessageContext written = commit(List.of(change("SKU-1", 1)), cause).get(0);

        try (OutboxRelay relay = relay()) {
            assertThat(relay.publishOnce()).isEqualTo(1);
            assertThat(relay.publishOnce()).isZero();
        }

        ConsumerRecord<String, byte[]> record =
                TestKafka.read(topic, 1, Duration.ofSeconds(20)).get(0);
        assertThat(record.key()).isEqualTo("SKU-1");
        assertThat(codec.decode(record.value())).isEqualTo(new BatchQuantityChanged("b-1", "SKU-1", 1));
        var headers = record.headers();
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.SPEC_VERSION))
                .isEqualTo("1.0");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.ID)).isEqualTo(written.messageId());
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.TYPE))
                .isEqualTo("org.cosmicstock.schemas.events.BatchQuantityChanged");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.SOURCE)).isEqualTo("/test");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.CORRELATION_ID))
                .isEqualTo(cause.correlationId());
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.CAUSATION_ID))
                .isEqualTo(cause.messageId());
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.CONTENT_TYPE))
                .isEqualTo("application/avro");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.TRACEPARENT))
                .startsWith(cause.traceparent().substring(0, 36));
        assertThat(registry.get("outbox.published")
                        .tags("topic", topic, "type", "BatchQuantityChanged")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(unpublished()).isZero();
    }

    @Test
    void aRelayPublishesNothingWhileAnotherHoldsTheRelayLock() throws Exception {
        commit(List.of(change("SKU-1", 1)), MessageContext.newFlow("/test-client"));
        try (OutboxRelay relay = relay();
                Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, 0x7b0c5L);
                lock.execute();
            }
            assertThat(relay.publishOnce()).as("the lock is held elsewhere").isZero();
            assertThat(unpublished()).isEqualTo(1);

            other.rollback();
            assertThat(relay.publishOnce()).isEqualTo(1);
        }
        assertThat(unpublished()).isZero();
    }

    /**
     * Holds the race open: the second relay's lock function waits on a gate inside its statement
     * while the first relay publishes the rows and commits, then takes the lock. A relay that read
     * its rows in the statement that took the lock read them from a snapshot older than the first
     * relay's commit, and published them again.
     */
    @Test
    void aRelayThatWinsTheLockRightAfterAnothersRoundReadsWhatThatRoundMarked() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        DataSource database = dataSource(url, null);
        MessagingTables.migrate(database);
        try (Connection setup = database.getConnection();
                var statement = setup.createStatement()) {
            // Found before pg_catalog's by a connection whose search_path names it first.
            statement.execute("create schema gated");
            statement.execute("""
                    create function gated.pg_try_advisory_xact_lock(key bigint) returns boolean
                    language plpgsql volatile as $$
                    begin
                      perform pg_catalog.pg_advisory_xact_lock_shared(4242);
                      return pg_catalog.pg_try_advisory_xact_lock(key);
                    end $$
                    """);
        }
        commit(database, List.of(change("SKU-1", 1), change("SKU-2", 2)), MessageContext.newFlow("/test-client"));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (OutboxRelay first = relay(database);
                OutboxRelay second = relay(dataSource(url, "gated,pg_catalog"));
                Connection gate = database.getConnection()) {
            gate.setAutoCommit(false);
            try (var close = gate.prepareStatement("select pg_advisory_xact_lock(4242)")) {
                close.execute();
            }
            Future<Integer> secondRound = background.submit(second::publishOnce);
            await("the second relay waits at the gate, inside its round")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> waitingAtTheGate(gate) == 1);

            assertThat(first.publishOnce()).isEqualTo(2);
            gate.rollback();

            assertThat(secondRound.get(20, TimeUnit.SECONDS))
                    .as("rows the first relay published")
                    .isZero();
        } finally {
            background.shutdownNow();
        }
        assertThat(TestKafka.readToEnd(topic))
                .extracting(r -> CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID))
                .as("each row published once")
                .hasSize(2)
                .doesNotHaveDuplicates();
    }

    private static long waitingAtTheGate(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select count(*) from pg_locks where locktype = 'advisory' and objid = 4242 and not granted")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static DataSource dataSource(String url, String searchPath) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        if (searchPath != null) {
            dataSource.setOptions("-c search_path=" + searchPath);
        }
        return dataSource;
    }

    /**
     * Rows become visible in commit order, not id order: a relay that read only after the highest id
     * it had published would never see a row whose transaction took its id first and committed
     * last, until its next read from the very start.
     */
    @Test
    void aRowCommittedAfterLaterRowsWerePublishedIsPublishedByTheNextRound() throws Exception {
        try (OutboxRelay relay = relay();
                Connection slow = dataSource.getConnection()) {
            publishOneRowThenWriteSku2Uncommitted(relay, slow);
            commit(List.of(change("SKU-3", 3)), MessageContext.newFlow("/test-client"));
            assertThat(relay.publishOnce()).as("the row committed first").isEqualTo(1);
            slow.commit();

            assertThat(relay.publishOnce()).as("the row that took its id first").isEqualTo(1);
        }
        assertThat(unpublished()).isZero();
    }

    /**
     * A transaction that took its id first and commits long after later rows were published (a slow
     * disk, a pause, a lock queue, a restart's cold JIT) is still published before any later row of its
     * key: the floor waits for the database to say the id is settled, not for a clock. The floor of
     * 8ded70d passed such a gap after 5 s and published the later row of the key first (seen once in
     * FaultsE2ETest's kill -9 of allocation-service).
     */
    @Test
    void aRowCommittedLongAfterLaterRowsIsPublishedBeforeTheLaterRowsOfItsKey() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-07T00:00:00Z"));
        try (OutboxRelay relay = relay(dataSource, clock);
                Connection slow = dataSource.getConnection()) {
            publishOneRowThenWriteSku2Uncommitted(relay, slow);
            for (int i = 0; i < 10; i++) {
                commit(List.of(change("SKU-3", 10 + i)), MessageContext.newFlow("/test-client"));
                assertThat(relay.publishOnce()).isEqualTo(1);
                clock.advance(Duration.ofSeconds(3));
            }
            slow.commit();
            commit(List.of(change("SKU-2", 3)), MessageContext.newFlow("/test-client"));
            while (unpublished() > 0) {
                relay.publishOnce();
                clock.advance(Duration.ofSeconds(3));
            }
        }
        List<Integer> sku2 = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TestKafka.read(topic, 13, Duration.ofSeconds(20))) {
            if (record.key().equals("SKU-2")) {
                sku2.add(((BatchQuantityChanged) codec.decode(record.value())).getQty());
            }
        }
        assertThat(sku2).as("SKU-2's rows in the order they were committed").containsExactly(2, 3);
    }

    @Test
    void neverPublishesRowsOfARolledBackTransaction() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writer.append(
                    connection,
                    List.of(new OutboxWriter.Caused(change("SKU-1", 1), MessageContext.newFlow("/test-client"))));
            connection.rollback();
        }
        try (OutboxRelay relay = relay()) {
            assertThat(relay.publishOnce()).isZero();
        }
    }

    @Test
    void twoRelaysOverOneOutboxPublishEveryRowAndKeepPerKeyOrder() throws Exception {
        int perKey = 60;
        List<String> skus = List.of("SKU-A", "SKU-B", "SKU-C", "SKU-D", "SKU-E");
        try (OutboxRelay first = relay();
                OutboxRelay second = relay()) {
            first.start();
            second.start();
            for (int seq = 1; seq <= perKey; seq++) {
                List<OutgoingMessage> batch = new ArrayList<>();
                for (String sku : skus) {
                    batch.add(change(sku, seq));
                }
                commit(batch, MessageContext.newFlow("/test-client"));
                if (seq % 7 == 0) {
                    first.wake();
                } else {
                    second.wake();
                }
            }
            List<ConsumerRecord<String, byte[]>> records =
                    TestKafka.read(topic, perKey * skus.size(), Duration.ofSeconds(60));

            Set<String> ids = new LinkedHashSet<>();
            Map<String, List<Integer>> sequences = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (ids.add(CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID))) {
                    var event = (BatchQuantityChanged) codec.decode(record.value());
                    sequences
                            .computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(event.getQty());
                }
            }
            assertThat(ids).hasSize(perKey * skus.size());
            for (String sku : skus) {
                assertThat(sequences.get(sku)).as("order of %s", sku).isSorted().hasSize(perKey);
            }
        }
        assertThat(unpublished()).isZero();
    }

    @Test
    void removesPublishedRowsOlderThanTheRetention() throws Exception {
        commit(List.of(change("SKU-1", 1), change("SKU-2", 2)), MessageContext.newFlow("/test-client"));
        var settings = new OutboxRelaySettings(
                100,
                Duration.ofMillis(50),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                5,
                Duration.ZERO,
                Duration.ZERO);
        try (OutboxRelay relay = new OutboxRelay(dataSource, this::producer, metrics, settings, Clock.systemUTC())) {
            relay.start();
            await().atMost(Duration.ofSeconds(20)).until(this::rows, rows -> rows == 0);
        }
    }

    private OutboxRelay relay() {
        return relay(dataSource);
    }

    private OutboxRelay relay(DataSource database) {
        return relay(database, Clock.systemUTC());
    }

    private OutboxRelay relay(DataSource database, Clock clock) {
        return new OutboxRelay(database, this::producer, metrics, OutboxRelaySettings.defaults(), clock);
    }

    private Producer<String, byte[]> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Commits and publishes a row of SKU-1, then writes a row of SKU-2 in {@code slow}'s transaction, left
     * open: that row took its id before any row committed after it.
     */
    private void publishOneRowThenWriteSku2Uncommitted(OutboxRelay relay, Connection slow) throws Exception {
        commit(List.of(change("SKU-1", 1)), MessageContext.newFlow("/test-client"));
        assertThat(relay.publishOnce()).isEqualTo(1);

        slow.setAutoCommit(false);
        writer.append(
                slow, List.of(new OutboxWriter.Caused(change("SKU-2", 2), MessageContext.newFlow("/test-client"))));
    }

    private OutgoingMessage change(String sku, int seq) {
        return new OutgoingMessage(topic, sku, new BatchQuantityChanged("b-" + seq, sku, seq));
    }

    private List<MessageContext> commit(List<OutgoingMessage> messages, MessageContext cause) throws SQLException {
        return commit(dataSource, messages, cause);
    }

    private List<MessageContext> commit(DataSource database, List<OutgoingMessage> messages, MessageContext cause)
            throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            List<MessageContext> written = writer.append(
                    connection,
                    messages.stream()
                            .map(m -> new OutboxWriter.Caused(m, cause))
                            .toList());
            connection.commit();
            return written;
        }
    }

    private long unpublished() throws SQLException {
        return count("select count(*) from messaging.outbox where published_at is null");
    }

    private long rows() throws SQLException {
        return count("select count(*) from messaging.outbox");
    }

    private long count(String sql) throws SQLException {
        return TestPostgres.selectLong(dataSource, sql);
    }
}
