package org.cosmicstock.stockview.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.ReaderUnderTest;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real broker: a view built while a few thousand random events arrive (with
 * undecodable records among them), then rebuilt by an operator over HTTP into a new generation
 * while the old one keeps answering, must come out the same SKU by SKU, and the same as folding the
 * history. Each cache has its subclass.
 */
@SpringBootTest(
        classes = StockViewServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cosmicstock.ops.username=operator", "cosmicstock.ops.password=" + ProjectionRebuildIT.PASSWORD})
@DirtiesContext
abstract class ProjectionRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    static final String PASSWORD = "stock-view-ops-password-for-tests";

    @LocalServerPort
    int port;

    /** The actuator (projection status and rebuild) answers on the management port, to the operator. */
    @LocalManagementPort
    int managementPort;

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
                RandomAllocationHistory.Step event = history.next();
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
                    await("the view fills while events still arrive")
                            .atMost(PATIENCE)
                            .until(() -> history.skus().stream()
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
        // A record is dead-lettered before the batch it came in is applied: caught up, every one is written.
        assertThat(TestKafka.readToEnd(topicName() + DeadLetters.SUFFIX))
                .extracting(r -> CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID))
                .as("each undecodable record dead-lettered once, read to the end")
                .containsExactlyInAnyOrderElementsOf(garbage);

        String served = (String) json(get("/actuator/projection").body()).get("generation");
        QuerySampler sampler = new QuerySampler(history.skus().stream()
                .filter(sku -> history.expected().containsKey(sku))
                .toList());
        sampler.start();
        // The sampler is answering before the rebuild starts, and must go on answering during it.
        await("the sampler is answering").atMost(PATIENCE).until(() -> sampler.answers() >= 5);
        int answeredBefore = sampler.answers();

        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(uri("/actuator/projection"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode())
                .as("a rebuild needs the operator's credentials")
                .isEqualTo(401);
        HttpResponse<String> rebuild = http.send(
                asOperator(HttpRequest.newBuilder(uri("/actuator/projection")))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(rebuild.statusCode()).isEqualTo(200);
        await("a new generation is served").atMost(PATIENCE).until(() -> {
            Map<String, Object> status = json(get("/actuator/projection").body());
            return !served.equals(status.get("generation")) && "caught-up".equals(status.get("state"));
        });
        sampler.stop();
        awaitCaughtUp(ends);
        assertThat(snapshot(history)).isEqualTo(incremental);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(sampler.answers())
                .as("queries answered while the new generation was filled")
                .isGreaterThan(answeredBefore);
        assertThat(sampler.failures())
                .as("every known SKU answered 200 and readiness stayed UP")
                .isEmpty();
        assertThat(get("/actuator/prometheus").body())
                .as("answers are counted under their route, however they were served")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/stock/\\{sku}\"");
    }

    /** Asks for known SKUs and for readiness in a loop, on a thread of its own, keeping every answer that was not a 200. */
    private final class QuerySampler implements Runnable {

        private final java.util.List<String> skus;
        private final java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private volatile int answers;
        private Thread thread;

        QuerySampler(java.util.List<String> skus) {
            this.skus = skus;
        }

        void start() {
            thread = new Thread(this, "query-sampler");
            thread.start();
        }

        @Override
        public void run() {
            int i = 0;
            while (running) {
                String path = i % 5 == 4 ? "/actuator/health/readiness" : "/stock/" + skus.get(i % skus.size());
                int status = get(path).statusCode();
                if (status != 200) {
                    failures.add(path + " answered " + status);
                }
                answers++;
                i++;
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        int answers() {
            return answers;
        }

        java.util.List<String> failures() {
            return failures;
        }
    }

    @Test
    void malformedRequestsThroughTheServerAreNeverA5xx() throws Exception {
        String[] targets = {
            "/stock/%00",
            "/stock/RED%0ACHAIR",
            "/stock/RED%0D%0AX-Injected:%20yes",
            "/stock/%C0%AF",
            "/stock/%ED%A0%80",
            "/stock/%E2%80%AE",
            "/stock/%2F",
            "/stock/..%2F..%2Fetc%2Fpasswd",
            "/stock/" + "A".repeat(10_000),
            "/stock/" + "A".repeat(129),
            "/stock/RED-CHAIR/availability?qty=%00",
            "/stock/RED-CHAIR/availability?qty=" + "9".repeat(5_000),
            "/stock/RED-CHAIR/availability?qty=-1",
            "/stock/RED-CHAIR/availability?qty=1e9",
            "/stock/%",
            "/stock/%zz"
        };
        for (String target : targets) {
            int status = rawGet(target);
            assertThat(status).as("GET %.60s", target).isBetween(400, 499);
        }
    }

    /** Sends the request line as given, bytes a well-behaved client library would refuse to send. */
    private int rawGet(String target) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private void awaitCaughtUp(Map<Integer, Long> ends) {
        await("GET /actuator/projection says caught up with " + ends)
                .atMost(PATIENCE)
                .until(() -> {
                    Map<String, Object> status =
                            json(get("/actuator/projection").body());
                    Map<Integer, Long> read = new LinkedHashMap<>();
                    ((Map<?, ?>) status.get("read"))
                            .forEach((p, o) -> read.put(Integer.valueOf(p.toString()), ((Number) o).longValue()));
                    return "caught-up".equals(status.get("state")) && ReaderUnderTest.readUpTo(read, ends);
                });
    }

    private Map<String, Optional<SkuSnapshot>> snapshot(RandomAllocationHistory history) {
        Map<String, Optional<SkuSnapshot>> snapshot = new LinkedHashMap<>();
        history.skus().forEach(sku -> snapshot.put(sku, view.find(sku).map(SkuSnapshot::of)));
        return snapshot;
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(
                    asOperator(HttpRequest.newBuilder(uri(path))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Actuator paths go to the management port, everything else to the public one. */
    private URI uri(String path) {
        int target = path.startsWith("/actuator") ? managementPort : port;
        return URI.create("http://127.0.0.1:" + target + path);
    }

    private static HttpRequest.Builder asOperator(HttpRequest.Builder request) {
        String credentials = "operator:" + PASSWORD;
        return request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }
}
