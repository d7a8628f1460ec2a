package org.cosmicstock.stockview.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cosmicstock.stockview.testing.Eventually.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.testing.EventsTopic;
import org.cosmicstock.stockview.testing.Eventually;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real broker: a view built while a few thousand random events arrive (with
 * undecodable records among them), then dropped and rebuilt by an operator over HTTP, must come
 * out the same SKU by SKU, and the same as folding the history. Each cache has its subclass.
 */
@SpringBootTest(classes = StockViewServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class ProjectionRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StockView view;

    abstract String topicName();

    static void readFromTestBroker(DynamicPropertyRegistry properties, String topic) {
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("cosmicstock.messaging.topics.events", () -> topic);
    }

    @Test
    void aViewRebuiltOnDemandEqualsTheViewBuiltAsEventsArrived() throws Exception {
        RandomAllocationHistory history = new RandomAllocationHistory(2026, 40);
        Set<String> garbage = new HashSet<>();
        Map<Integer, Long> ends;
        try (EventsTopic topic = EventsTopic.named(topicName())) {
            for (int i = 0; i < 3_000; i++) {
                RandomAllocationHistory.Event event = history.next();
                topic.send(event);
                if (i % 300 == 150) {
                    garbage.add("garbage-" + i);
                    topic.sendGarbage(event.sku(), "garbage-" + i);
                }
                if (i % 100 == 99) {
                    topic.flush();
                    Thread.sleep(10);
                }
                if (i == 1_500) {
                    await(
                            "the view fills while events still arrive",
                            PATIENCE,
                            () -> history.skus().stream()
                                    .anyMatch(sku -> view.find(sku).isPresent()));
                }
            }
            ends = topic.endOffsets();
        }
        awaitCaughtUp(ends);
        Map<String, Optional<SkuSnapshot>> incremental = snapshot(history);
        Map<String, Optional<SkuSnapshot>> folded = new LinkedHashMap<>();
        history.skus()
                .forEach(sku -> folded.put(
                        sku, Optional.ofNullable(history.expected().get(sku)).map(SkuSnapshot::of)));
        assertThat(incremental).isEqualTo(folded);
        assertThat(TestKafka.read(topicName() + DeadLetters.SUFFIX, garbage.size(), PATIENCE))
                .extracting(r -> CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID))
                .containsExactlyInAnyOrderElementsOf(garbage);

        HttpResponse<String> rebuild = http.send(
                HttpRequest.newBuilder(uri("/actuator/projection"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(rebuild.statusCode()).isEqualTo(200);
        assertThat(json(rebuild.body())).containsEntry("state", "starting");
        awaitCaughtUp(ends);
        assertThat(snapshot(history)).isEqualTo(incremental);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private void awaitCaughtUp(Map<Integer, Long> ends) {
        await("GET /actuator/projection says caught up with " + ends, PATIENCE, () -> {
            Map<String, Object> status = json(get("/actuator/projection").body());
            Map<Integer, Long> read = new LinkedHashMap<>();
            ((Map<?, ?>) status.get("read"))
                    .forEach((p, o) -> read.put(Integer.valueOf(p.toString()), ((Number) o).longValue()));
            return "caught-up".equals(status.get("state")) && Eventually.readUpTo(read, ends);
        });
    }

    private Map<String, Optional<SkuSnapshot>> snapshot(RandomAllocationHistory history) {
        Map<String, Optional<SkuSnapshot>> snapshot = new LinkedHashMap<>();
        history.skus().forEach(sku -> snapshot.put(sku, view.find(sku).map(SkuSnapshot::of)));
        return snapshot;
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }
}
