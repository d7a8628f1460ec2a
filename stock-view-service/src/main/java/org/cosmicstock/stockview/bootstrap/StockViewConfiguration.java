package org.cosmicstock.stockview.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cosmicstock.messaging.config.MessagingConfiguration;
import org.cosmicstock.messaging.config.MessagingProperties;
import org.cosmicstock.messaging.config.TopicDeclarations;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.metrics.KafkaClientMeters;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.adapters.cache.RedisConnection;
import org.cosmicstock.stockview.adapters.cache.RedisStockView;
import org.cosmicstock.stockview.adapters.kafka.AllocationEventsReader;
import org.cosmicstock.stockview.adapters.kafka.DeadLetterTrouble;
import org.cosmicstock.stockview.adapters.kafka.RecordProjection;
import org.cosmicstock.stockview.adapters.kafka.ReplayProgress;
import org.cosmicstock.stockview.adapters.web.RenderedAnswers;
import org.cosmicstock.stockview.adapters.web.StockLookupFilter;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.service.StockQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/** The composition root of the read model: the view, the reader that projects into it, the queries. */
@Configuration(proxyBeanMethods = false)
@Import(MessagingConfiguration.class)
@EnableConfigurationProperties(StockViewProperties.class)
public class StockViewConfiguration {

    static final List<String> EVENT_TYPES = MessageTypes.names(MessageTypes.events());

    @Bean
    @ConditionalOnProperty(name = "cosmicstock.stock-view.cache", havingValue = StockViewProperties.REDIS)
    RedisConnection redisConnection(StockViewProperties properties) {
        return RedisConnection.to(properties.redis().url(), properties.redis().timeout());
    }

    @Bean
    StockView stockView(StockViewProperties properties, ObjectProvider<RedisConnection> redis) {
        if (properties.redisSelected()) {
            return new RedisStockView(redis.getObject(), properties.redis().keyPrefix());
        }
        return new InMemoryStockView();
    }

    @Bean
    CacheHealthIndicator cacheHealthIndicator(ObjectProvider<RedisConnection> redis) {
        return new CacheHealthIndicator(redis.getIfAvailable());
    }

    @Bean
    StockQueries stockQueries(StockView view, Clock clock) {
        return new StockQueries(view, clock);
    }

    @Bean
    RenderedAnswers renderedAnswers(StockQueries queries, JsonMapper json) {
        return new RenderedAnswers(json, queries.keepsAnswers());
    }

    /** Only for a view in memory, whose answers are kept: a lookup then costs less than Spring MVC's dispatch. */
    @Bean
    FilterRegistrationBean<StockLookupFilter> stockLookupFilter(StockQueries queries, RenderedAnswers rendered) {
        var registration = new FilterRegistrationBean<>(new StockLookupFilter(queries, rendered));
        registration.addUrlPatterns("/stock/*");
        // After the HTTP metrics (observation) filter, before Spring Security's chain: the public
        // query needs no authentication, and the chain's dozen filters cost more than the lookup.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setEnabled(queries.keepsAnswers());
        return registration;
    }

    @Bean
    AllocationEventsReader allocationEventsReader(
            KafkaProperties kafka,
            MessagingProperties properties,
            StockViewProperties stockView,
            StockView view,
            MessageCodec codec,
            MessagingMetrics metrics,
            DeadLetterProducer deadLetters,
            MeterRegistry registry,
            Clock clock,
            MessageTracing tracing) {
        String topic = properties.topics().events();
        metrics.knowConsumed(topic, EVENT_TYPES);
        var consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        // The reader assigns partitions itself and keeps its positions in the view: no group, no commits.
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // The label of its Kafka client metrics (fetch rate, records lag per partition).
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "stock-view-reader");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A position the broker no longer holds must never be skipped silently, to either end: the
        // reader is told, and checks whether retention deleted events the view never applied.
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // Partitions added to the topic show up in metadata no older than the reader's check interval.
        consumerConfig.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int)
                Math.min(Integer.MAX_VALUE, stockView.partitionCheckInterval().toMillis()));
        Timer lag = Timer.builder("projection.lag")
                .description("Time from an event's creation to the view being updated with it")
                .publishPercentileHistogram()
                .register(registry);
        Counter deadLetterFailures = Counter.builder("projection.dead.letter.failures")
                .description("Attempts to dead-letter an unreadable record of the events topic that failed for a"
                        + " transient reason (the broker away or slow) and are retried")
                .register(registry);
        ReplayProgress progress = new ReplayProgress(clock);
        Gauge.builder("projection.staleness.seconds", progress, ReplayProgress::stalenessSeconds)
                .description("Seconds since the reader last saw, from the broker's end offsets, that the view had"
                        + " every event of the topic; grows while the broker is away or the reader falls behind")
                .register(registry);
        FunctionCounter.builder("projection.view.losses", progress, ReplayProgress::losses)
                .description("Times the reader found that the store had lost what it applied, and rebuilt the view")
                .register(registry);
        var trouble = new DeadLetterTrouble(clock, stockView.deadLetterPatience(), deadLetterFailures);
        return new AllocationEventsReader(
                KafkaClientMeters.consumers(
                        () -> new KafkaConsumer<>(
                                consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()),
                        registry),
                topic,
                view,
                new RecordProjection(view, codec, metrics, deadLetters, trouble, lag, clock, tracing),
                progress,
                stockView.partitionCheckInterval());
    }

    @Bean
    SmartLifecycle allocationEventsReaderLifecycle(AllocationEventsReader reader) {
        return new ReaderLifecycle(reader);
    }

    @Bean
    ProjectionEndpoint projectionEndpoint(
            AllocationEventsReader reader, StockView view, StockViewProperties properties) {
        return new ProjectionEndpoint(reader, view, properties.cache());
    }

    @Bean
    ProjectionHealthIndicator projectionHealthIndicator(AllocationEventsReader reader) {
        return new ProjectionHealthIndicator(reader.progress(), reader.deadLetterTrouble());
    }

    @Bean
    KafkaAdmin.NewTopics stockViewTopics(MessagingProperties properties) {
        var topics = properties.topics();
        return TopicDeclarations.events(topics);
    }
}
