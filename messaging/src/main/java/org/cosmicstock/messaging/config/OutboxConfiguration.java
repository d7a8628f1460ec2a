package org.cosmicstock.messaging.config;

import java.time.Clock;
import java.util.HashMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.inbox.JdbcInbox;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.outbox.OutboxRelay;
import org.cosmicstock.messaging.outbox.OutboxRelaySettings;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transactional outbox and inbox for services with a database: their tables (in a schema of
 * their own, {@code messaging}, with its own migration history, so they never clash with the
 * service's migrations), the writer used
 * inside units of work, and the relay that publishes to Kafka.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    MessagingSchema messagingSchema(DataSource dataSource) {
        MessagingTables.migrate(dataSource);
        return new MessagingSchema();
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(
            MessagingSchema schema,
            DataSource dataSource,
            KafkaProperties kafka,
            MessagingMetrics metrics,
            MessagingProperties properties,
            Clock clock) {
        var config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        var o = properties.outbox();
        var settings = new OutboxRelaySettings(
                o.batchSize(), o.pollInterval(), o.sendTimeout(), o.maxBackoff(), o.retention(), o.cleanupInterval());
        return new OutboxRelay(dataSource, producer, metrics, settings, clock);
    }

    @Bean
    SmartLifecycle outboxRelayLifecycle(OutboxRelay relay, MessagingProperties properties) {
        return new RelayLifecycle(relay, properties.outbox().relayEnabled());
    }

    @Bean
    TransactionalMessaging transactionalMessaging(
            MessageCodec codec, ServiceSource source, Clock clock, OutboxRelay relay) {
        return new TransactionalMessaging(new JdbcInbox(), new OutboxWriter(codec, source.value(), clock), relay::wake);
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
