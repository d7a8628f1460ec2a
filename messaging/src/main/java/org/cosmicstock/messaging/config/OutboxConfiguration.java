package org.cosmicstock.messaging.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.inbox.InboxPruner;
import org.cosmicstock.messaging.inbox.JdbcInbox;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.metrics.KafkaClientMeters;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.outbox.OutboxRelay;
import org.cosmicstock.messaging.outbox.OutboxRelaySettings;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The transactional outbox and inbox for services with a database: their tables (in a schema of
 * their own, {@code messaging}, with its own migration history, so they never clash with the
 * service's migrations), the writer used inside units of work, the relay that publishes to Kafka,
 * the inbox pruning, and the operators' {@code outbox} endpoint for parked rows.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    /**
     * Migrated like the service's own tables: by the Flyway user when one is set (an application user
     * with data rights only cannot create schemas), else on the application's connection.
     */
    @Bean
    MessagingSchema messagingSchema(DataSource dataSource, Environment environment) {
        String migrator = environment.getProperty("spring.flyway.user");
        if (migrator == null || migrator.isBlank()) {
            MessagingTables.migrate(dataSource);
        } else {
            String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url"));
            MessagingTables.migrate(DataSourceBuilder.create()
                    .type(SimpleDriverDataSource.class)
                    .url(url)
                    .username(migrator)
                    .password(environment.getProperty("spring.flyway.password", ""))
                    .build());
        }
        return new MessagingSchema();
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(
            MessagingSchema schema,
            DataSource dataSource,
            KafkaProperties kafka,
            MessagingMetrics metrics,
            MessagingProperties properties,
            Clock clock,
            MeterRegistry registry,
            MessageTracing tracing) {
        var o = properties.outbox();
        var config = new HashMap<>(kafka.buildProducerProperties());
        // Throughput without giving up a guarantee: acks from every in-sync replica, no duplicates or
        // reordering from the producer's own retries, records batched and compressed.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) o.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, o.batchBytes());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, o.compression());
        // A broker that is away is found out quickly, while the relay holds nothing.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) o.maxBlock().toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        var settings = new OutboxRelaySettings(
                o.batchSize(),
                o.pollInterval(),
                o.sendTimeout(),
                o.maxBackoff(),
                o.maxAttempts(),
                o.retention(),
                o.cleanupInterval());
        return new OutboxRelay(
                dataSource,
                KafkaClientMeters.producers(
                        () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), registry),
                metrics,
                settings,
                clock,
                tracing);
    }

    @Bean
    SmartLifecycle outboxRelayLifecycle(OutboxRelay relay, MessagingProperties properties) {
        return new RelayLifecycle(relay, properties.outbox().relayEnabled());
    }

    @Bean(destroyMethod = "close")
    InboxPruner inboxPruner(
            MessagingSchema schema, DataSource dataSource, MessagingProperties properties, Clock clock) {
        var inbox = properties.inbox();
        InboxPruner pruner =
                new InboxPruner(dataSource, new JdbcInbox(), inbox.retention(), inbox.pruneInterval(), clock);
        pruner.start();
        return pruner;
    }

    @Bean
    TransactionalMessaging transactionalMessaging(
            MessageCodec codec,
            @Qualifier(MessagingConfiguration.SERVICE_SOURCE) String source,
            Clock clock,
            OutboxRelay relay) {
        return new TransactionalMessaging(new JdbcInbox(), new OutboxWriter(codec, source, clock), relay::wake);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
        return new OutboxEndpoint(relay);
    }

    /** Marks that the messaging tables exist, so beans that use them are created after the migration. */
    static final class MessagingSchema {}

    private static final class RelayLifecycle implements SmartLifecycle {
        private final OutboxRelay relay;
        private final boolean enabled;
        private volatile boolean running;

        RelayLifecycle(OutboxRelay relay, boolean enabled) {
            this.relay = relay;
            this.enabled = enabled;
        }

        @Override
        public void start() {
            if (enabled) {
                relay.start();
            }
            running = true;
        }

        @Override
        public void stop() {
            relay.close();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
