package org.cosmicstock.messaging.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Micrometer's Kafka client metrics for the clients the suite makes itself rather than through
 * spring-kafka's factories (the outbox relay's and dead letters' producers, the stock view's
 * reader): fetch and records lag, send and error rates, as {@code kafka_consumer_*} and {@code
 * kafka_producer_*}, the same series the factories' clients have. A supplier that makes a client
 * at a time (a new one after a failure) binds each new client and unbinds the one before.
 */
public final class KafkaClientMeters {

    private KafkaClientMeters() {}

    public static <K, V> Supplier<Producer<K, V>> producers(Supplier<Producer<K, V>> make, MeterRegistry registry) {
        return bound(make, KafkaClientMetrics::new, registry);
    }

    public static <K, V> Supplier<Consumer<K, V>> consumers(Supplier<Consumer<K, V>> make, MeterRegistry registry) {
        return bound(make, KafkaClientMetrics::new, registry);
    }

    private static <C> Supplier<C> bound(
            Supplier<C> make, Function<C, KafkaClientMetrics> meters, MeterRegistry registry) {
        AtomicReference<KafkaClientMetrics> current = new AtomicReference<>();
        return () -> {
            C client = make.get();
            KafkaClientMetrics bound = meters.apply(client);
            KafkaClientMetrics before = current.getAndSet(bound);
            if (before != null) {
                before.close();
            }
            bound.bindTo(registry);
            return client;
        };
    }
}
