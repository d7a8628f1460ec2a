package org.cosmicstock.messaging.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.config.KafkaConsumers;
import org.cosmicstock.messaging.config.MessagingConfiguration;
import org.cosmicstock.messaging.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * A consumer that dies is not silent: a handler that throws an {@link Error} stops its consumer,
 * and the running instance's liveness probe answers DOWN, so that Kubernetes restarts it.
 */
class ConsumerLivenessIT {

    static final String TOPIC = TestKafka.uniqueTopic("liveness");
    static final List<String> HANDLED = new CopyOnWriteArrayList<>();

    @Test
    void anErrorThrownByAHandlerStopsItsConsumerAndTheInstanceReportsItselfNotLive() throws Exception {
        TestKafka.createTopic(TOPIC, 1);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PoisonedService.class)
                .run(
                        "--spring.application.name=poisoned-service",
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--cosmicstock.messaging.topics.create=false",
                        // No database here: readiness is the instance's own state (the defaults add "db").
                        "--management.endpoint.health.group.readiness.include=readinessState")) {
            int management = Integer.parseInt(service.getEnvironment().getProperty("local.management.port"));
            send("first");
            await().atMost(Duration.ofSeconds(30)).until(() -> HANDLED.contains("first"));
            assertThat(liveness(management).statusCode()).isEqualTo(200);

            send("poison");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> live = liveness(management);
                assertThat(live.statusCode()).isEqualTo(503);
                assertThat(live.body()).contains("DOWN");
            });
            send("after");
            Thread.sleep(1_000);
            assertThat(HANDLED)
                    .as("nothing is consumed after the consumer died")
                    .doesNotContain("after");
        }
    }

    private static HttpResponse<String> liveness(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void send(String value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    /** A service in miniature whose handler has a bug that throws an Error on one record. */
    @SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
    @Import(MessagingConfiguration.class)
    static class PoisonedService {

        @Bean
        ConcurrentMessageListenerContainer<String, byte[]> poisoned(KafkaConsumers consumers) {
            return consumers.group("poisoned-" + UUID.randomUUID(), List.of(TOPIC), 1, (records, failingFor) -> {
                for (var record : records) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    if (value.equals("poison")) {
                        throw new AssertionError("a bug in a handler");
                    }
                    HANDLED.add(value);
                }
            });
        }
    }
}
