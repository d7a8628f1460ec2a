package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.testing.Ports;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The relay through failures, against a real broker (or none at all) and a real PostgreSQL. */
class OutboxRelayFailuresIT {

    private static final int MAX_ATTEMPTS = 3;

    private final MessageCodec codec = MessageCodec.create();
    private final OutboxWriter writer = new OutboxWriter(codec, "/test", Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessagingMetrics metrics = new MessagingMetrics(registry);
    private final OutboxRelaySettings settings = new OutboxRelaySettings(
            100,
            Duration.ofMillis(50),
            Duration.ofSeconds(10),
            Duration.ofMillis(200),
            MAX_ATTEMPTS,
            Duration.ofHours(1),
            Duration.ofHours(1));
    private DataSource dataSource;
    private String topic;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = TestPostgres.freshMessagingDatabase();
        metrics.knowPublished("any", List.of());
        topic = TestKafka.uniqueTopic("relay-failures");
        TestKafka.createTopic(topic, 3);
    }

    @Test
    void stopsAtTheFirstRowTheBrokerRefusesSoNoLaterRowOfItsKeyGoesAhead() throws Exception {
        commit(change("A", 1), tooLarge("B"), change("B", 2), change("A", 3));
        try (OutboxRelay relay = relay(TestKafka.bootstrapServers())) {
            assertThatThrownBy(relay::publishOnce)
                    .isInstanceOf(PublishFailed.class)
                    .hasMessageContaining("published 1 row(s)")
                    .hasMessageContaining("RecordTooLargeException");
        }

        assertThat(TestKafka.readToEnd(topic)).extracting(ConsumerRecord::key).containsExactly("A");
        assertThat(unpublishedKeys()).containsExactly("B", "B", "A");
    }

    @Test
    void parksARowThatKeepsFailingAndHoldsBackOnlyTheLaterRowsOfItsKey() throws Exception {
        commit(change("A", 1), tooLarge("B"), change("B", 2), change("A", 3), change("C", 4));
        try (OutboxRelay relay = relay(TestKafka.bootstrapServers())) {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                assertThatThrownBy(relay::publishOnce).isInstanceOf(PublishFailed.class);
            }
            assertThat(relay.parked(10)).singleElement().satisfies(row -> {
                assertThat(row.key()).isEqualTo("B");
                assertThat(row.attempts()).isEqualTo(MAX_ATTEMPTS);
                assertThat(row.lastError()).contains("RecordTooLargeException");
            });

            assertThat(relay.publishOnce()).isEqualTo(2);

            assertThat(TestKafka.readToEnd(topic))
                    .extracting(r -> ((BatchQuantityChanged) codec.decode(r.value())).getQty())
                    .containsExactlyInAnyOrder(1, 3, 4);
            assertThat(unpublishedKeys()).as("B's later row waits behind it").containsExactly("B", "B");

            assertThat(relay.requeue(null)).isEqualTo(1);
            assertThat(relay.parked(10)).isEmpty();
            assertThatThrownBy(relay::publishOnce).isInstanceOf(PublishFailed.class);
        }
    }

    @Test
    void whileTheBrokerIsAwayNothingIsMarkedTheLockIsFreeAndTheBacklogGaugesKeepUp() throws Exception {
        commit(change("A", 1), change("B", 2));
        try (OutboxRelay away = relay("127.0.0.1:" + Ports.free())) {
            away.start();
            away.wake();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(registry.get("outbox.publish.failures").counter().count())
                        .isGreaterThanOrEqualTo(2);
                assertThat(registry.get("outbox.pending").gauge().value()).isEqualTo(2.0);
            });
            assertThat(unpublishedKeys()).containsExactly("A", "B");

            // The relay that cannot reach its broker holds neither the lock nor a connection while it waits.
            try (OutboxRelay reachable = relay(TestKafka.bootstrapServers())) {
                await().atMost(Duration.ofSeconds(20)).until(reachable::publishOnce, published -> published == 2);
            }
        }
        assertThat(unpublishedKeys()).isEmpty();
    }

    /**
     * A write the cluster refuses for a reason that is not the row's (an ACL that denies it) is
     * retried for as long as it lasts: no attempt is counted, nothing is parked, and the rows go
     * once the ACL is lifted. A broker of its own, with an authorizer.
     */
    @Test
    void rowsOfATopicTheRelayMayNotWriteToAreRetriedNeverParkedAndGoOnceItMay() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1)
                .brokerProperties(Map.of(
                        "authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                        "allow.everyone.if.no.acl.found",
                        "true"));
        broker.afterPropertiesSet();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            String denied = TestKafka.uniqueTopic("relay-denied");
            TestKafka.createTopic(broker.getBrokersAsString(), denied, 1);
            ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, denied, PatternType.LITERAL);
            List<AclBinding> acls = List.of(
                    new AclBinding(
                            resource,
                            new AccessControlEntry(
                                    "User:ANONYMOUS", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)),
                    new AclBinding(
                            resource,
                            new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.WRITE, AclPermissionType.DENY)));
            admin.createAcls(acls).all().get();
            await("the ACLs in force")
                    .atMost(Duration.ofSeconds(30))
                    .until(() ->
                            admin.describeAcls(new AclBindingFilter(resource.toFilter(), AccessControlEntryFilter.ANY))
                                            .values()
                                            .get()
                                            .size()
                                    == 2);
            commit(
                    new OutgoingMessage(denied, "A", new BatchQuantityChanged("b-1", "A", 1)),
                    new OutgoingMessage(denied, "A", new BatchQuantityChanged("b-2", "A", 2)));
            try (OutboxRelay relay = relay(broker.getBrokersAsString())) {
                for (int round = 1; round <= MAX_ATTEMPTS + 2; round++) {
                    assertThatThrownBy(relay::publishOnce)
                            .isInstanceOf(PublishFailed.class)
                            .hasMessageContaining("published 0 row(s)")
                            .hasMessageContaining("TopicAuthorizationException");
                }
                assertThat(relay.parked(10)).as("nothing parked for an ACL").isEmpty();
                assertThat(attempts()).as("no attempt counted against the rows").containsOnly(0);

                admin.deleteAcls(List.of(new AclBindingFilter(resource.toFilter(), AccessControlEntryFilter.ANY)))
                        .all()
                        .get();
                await().atMost(Duration.ofSeconds(30))
                        .ignoreException(PublishFailed.class)
                        .until(relay::publishOnce, published -> published == 2);
            }
            assertThat(unpublishedKeys()).isEmpty();
        } finally {
            broker.destroy();
        }
    }

    private List<Integer> attempts() throws SQLException {
        List<Integer> attempts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("select attempts from messaging.outbox order by id")) {
            while (result.next()) {
                attempts.add(result.getInt(1));
            }
        }
        return attempts;
    }

    private OutboxRelay relay(String bootstrapServers) {
        return new OutboxRelay(dataSource, () -> producer(bootstrapServers), metrics, settings, Clock.systemUTC());
    }

    private Producer<String, byte[]> producer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                500,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private OutgoingMessage change(String key, int seq) {
        return new OutgoingMessage(topic, key, new BatchQuantityChanged("b-" + seq, key, seq));
    }

    /** Larger than the producer's max.request.size (1 MB): the broker can never take it. */
    private OutgoingMessage tooLarge(String key) {
        return new OutgoingMessage(topic, key, new BatchQuantityChanged("x".repeat(2_000_000), key, 0));
    }

    private void commit(OutgoingMessage... messages) throws SQLException {
        MessageContext cause = MessageContext.newFlow("/test-client");
        List<OutboxWriter.Caused> caused = new ArrayList<>();
        for (OutgoingMessage message : messages) {
            caused.add(new OutboxWriter.Caused(message, cause));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writer.append(connection, caused);
            connection.commit();
        }
    }

    private List<String> unpublishedKeys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select message_key from messaging.outbox where published_at is null order by id")) {
            while (result.next()) {
                keys.add(result.getString(1));
            }
        }
        return keys;
    }
}
