package org.cosmicstock.messaging.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.kafka.BatchConsumer;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.kafka.KafkaHealthIndicator;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The messaging plumbing every service shares: the codec, the metrics, Kafka health, the one
 * dead-letter path, the consumer groups' factory and their lifecycle. Services {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Avro single-object encoding, or the schema-registry format when a registry is configured; reads both. */
    @Bean
    MessageCodec messageCodec(MessagingProperties properties) {
        var registry = properties.schemaRegistry();
        if (!registry.configured()) {
            return MessageCodec.create();
        }
        return MessageCodec.withRegistry(
                RegistryClient.connect(registry.url(), registry.username(), registry.password(), registry.timeout()),
                SubjectNameStrategy.parse(registry.subjectNaming()),
                RegistrationMode.parse(registry.registration()));
    }

    @Bean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    @Bean
    ServiceSource serviceSource(
            MessagingProperties properties, @Value("${spring.application.name}") String application) {
        return new ServiceSource(properties.source() == null ? "/" + application : properties.source());
    }

    @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(Admin.create(kafka.buildAdminProperties()));
    }

    /** Topics declared by the services are created, and their configuration kept as declared. */
    @Bean
    KafkaAdmin kafkaAdmin(KafkaProperties kafka) {
        KafkaAdmin admin = new KafkaAdmin(kafka.buildAdminProperties());
        admin.setFatalIfBrokerNotAvailable(false);
        admin.setModifyTopicConfigs(true);
        return admin;
    }

    @Bean(destroyMethod = "close")
    DeadLetterProducer deadLetterProducer(KafkaProperties kafka, MessagingMetrics metrics) {
        var producer =
                new KafkaProducer<>(kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        return new DeadLetterProducer(producer, metrics);
    }

    @Bean
    IncomingMessages incomingMessages(MessageCodec codec, MessagingMetrics metrics, DeadLetterProducer deadLetters) {
        return new IncomingMessages(codec, metrics, deadLetters);
    }

    @Bean
    KafkaConsumers kafkaConsumers(KafkaProperties kafka, MessagingProperties properties, MessagingMetrics metrics) {
        return new KafkaConsumers(kafka, properties, metrics);
    }

    @Bean
    SmartLifecycle consumersLifecycle(ObjectProvider<BatchConsumer> consumers) {
        return new ConsumersLifecycle(consumers.orderedStream().toList());
    }
}
