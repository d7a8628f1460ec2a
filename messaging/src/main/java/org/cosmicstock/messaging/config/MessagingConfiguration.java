package org.cosmicstock.messaging.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.kafka.ConsumerLiveness;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.kafka.KafkaHealthIndicator;
import org.cosmicstock.messaging.metrics.KafkaClientMeters;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.SchemaVersions;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The messaging plumbing every service shares: the codec, the metrics, Kafka health, the one
 * dead-letter path, the consumer groups' factory and their liveness. Services {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    /** The name of the bean that holds this service's {@code ce_source}. */
    public static final String SERVICE_SOURCE = "serviceSource";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Avro single-object encoding, or the schema-registry format when a registry is configured; reads both. */
    @Bean
    MessageCodec messageCodec(MessagingProperties properties) {
        var schemas = properties.schemas();
        // An unknown type or version in the settings stops the start-up here, naming the setting.
        SchemaVersions versions =
                SchemaVersions.fromSettings(schemas.write(), schemas.read(), "cosmicstock.messaging.schemas");
        var registry = properties.schemaRegistry();
        if (!registry.configured()) {
            return MessageCodec.create(versions);
        }
        return MessageCodec.withRegistry(
                RegistryClient.connect(registry.url(), registry.username(), registry.password(), registry.timeout()),
                SubjectNameStrategy.parse(registry.subjectNaming()),
                RegistrationMode.parse(registry.registration()),
                versions);
    }

    @Bean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    /**
     * The {@code ce_source} of everything this service emits, e.g. {@code /allocation-service}: inject
     * it as {@code @Qualifier(MessagingConfiguration.SERVICE_SOURCE) String}.
     */
    @Bean(SERVICE_SOURCE)
    String serviceSource(MessagingProperties properties, @Value("${spring.application.name}") String application) {
        return properties.source() == null ? "/" + application : properties.source();
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
    DeadLetterProducer deadLetterProducer(KafkaProperties kafka, MessagingMetrics metrics, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        var producer = KafkaClientMeters.<String, byte[]>producers(
                        () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), registry)
                .get();
        return new DeadLetterProducer(producer, metrics);
    }

    @Bean
    IncomingMessages incomingMessages(
            MessageCodec codec,
            MessagingMetrics metrics,
            DeadLetterProducer deadLetters,
            MessagingProperties properties,
            MessageTracing tracing) {
        return new IncomingMessages(
                codec, metrics, deadLetters, properties.retry().notYetFor(), tracing);
    }

    /** Spans for each message handled and each outbox row published, when a tracer is configured. */
    @Bean
    MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? MessageTracing.NONE : new MessageTracing(t, p);
    }

    /** Consumer groups as listener containers on Boot's consumer factory (and its Kafka client metrics). */
    @Bean
    KafkaConsumers kafkaConsumers(
            ConsumerFactory<?, ?> consumerFactory,
            MessagingProperties properties,
            MessagingMetrics metrics,
            @Qualifier("consumerRetryScheduler") TaskScheduler scheduler) {
        return new KafkaConsumers(consumerFactory, properties, metrics, scheduler);
    }

    /** Resumes partitions whose back-off is over. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler consumerRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("consumer-retries-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }

    /** A consumer thread that stopped on an Error makes the instance not live: the orchestrator restarts it. */
    @Bean
    ConsumerLiveness consumerLiveness(ApplicationEventPublisher publisher) {
        return new ConsumerLiveness(publisher);
    }
}
