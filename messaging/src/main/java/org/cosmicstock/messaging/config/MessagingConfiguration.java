package org.cosmicstock.messaging.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.kafka.KafkaHealthIndicator;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The messaging plumbing every service shares: the codec, the metrics, Kafka health for
 * readiness, and a listener container factory whose records are (String key, Avro bytes) with the
 * suite's retry and dead-letter policy. Services {@code @Import} it explicitly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MessageCodec messageCodec() {
        return MessageCodec.create();
    }

    @Bean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    @Bean
    IncomingMessages incomingMessages(MessageCodec codec, MessagingMetrics metrics) {
        return new IncomingMessages(codec, metrics);
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

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        var producers = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(producers);
    }

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, byte[]> deadLetterTemplate,
            IncomingMessages incoming,
            MessagingMetrics metrics,
            MessagingProperties properties) {
        var retry = properties.retry();
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return DeadLetters.errorHandler(deadLetterTemplate, incoming, metrics, backOff);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> avroListenerFactory(
            KafkaProperties kafka, DefaultErrorHandler deadLetteringErrorHandler, MessagingProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConcurrency(properties.consumer().concurrency());
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setCommonErrorHandler(deadLetteringErrorHandler);
        return factory;
    }
}
