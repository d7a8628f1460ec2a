package org.cosmicstock.allocation.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.cosmicstock.allocation.bootstrap.AllocationServiceApplication;
import org.cosmicstock.messaging.testing.TestHttp;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.messaging.testing.TestServices;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** allocation-service's HTTP side on a real broker and PostgreSQL: GET /allocations/{orderId} and the actuator. */
@SpringBootTest(
        classes = AllocationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cosmicstock.ops.username=operator", "cosmicstock.ops.password=" + AllocationsApiIT.PASSWORD})
class AllocationsApiIT {

    static final String PASSWORD = "allocation-ops-password-for-tests";
    private static final String COMMANDS = TestKafka.uniqueTopic("allocation-web.commands");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        TestServices.onKafkaAndPostgres(properties, COMMANDS, COMMANDS + ".events");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "129 characters | ooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo",
                "a space        | order%201",
                "a tab          | order%09",
                "ESC            | %1B%5B31m",
                "DEL            | order%7F",
                "C1 control NEL | order%C2%85",
                "no-break space | %C2%A0order",
                "right-to-left override | %E2%80%AEredro",
                "zero-width space | or%E2%80%8Bder",
                "byte-order mark  | %EF%BB%BForder",
            })
    void anOrderIdOutsideTheLimitsIsA400NamingIt(String what, String rawId) {
        HttpResponse<String> response = get(port, "/allocations/" + rawId, false);
        JsonNode problem = assertProblem(response, 400, what);
        assertThat(problem.get("field").stringValue()).isEqualTo("orderId");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NUL                | order%00",
                "CR LF              | order%0D%0AINFO-forged",
                "encoded slash      | a%2Fb",
                "encoded backslash  | a%5Cb",
                "encoded percent    | a%25b",
                "lone surrogate as UTF-8 | order%ED%A0%80",
                "invalid UTF-8      | order%FF%FE",
                "line separator     | order%E2%80%A8",
            })
    void aUrlNoIdCanBeIsA400Problem(String what, String rawId) {
        assertProblem(get(port, "/allocations/" + rawId, false), 400, what);
    }

    @Test
    void aUrlOverTheHeaderLimitIsA400Problem() {
        assertProblem(get(port, "/allocations/" + "o".repeat(20_000), false), 400, "20,000 characters");
    }

    @Test
    void unknownButValidIdsAre404AndOtherMethodsAre405() {
        assertProblem(get(port, "/allocations/order-e%CC%81t%C3%A9-%F0%9F%AA%91", false), 404, "combining mark, emoji");
        HttpResponse<String> post = TestHttp.send(new TestHttp(port)
                .request("/allocations/x")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(post, 405, "POST");
        HttpResponse<String> huge = TestHttp.send(new TestHttp(port)
                .request("/allocations/x")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])));
        assertProblem(huge, 413, "100 kB body");
    }

    @Test
    void noPathGetsA5xx() {
        long seed = Long.getLong("fuzz.seed", 20_261_203L);
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(random.nextInt(10) == 0 ? 300 : 40);
            for (int c = 0; c < length; c++) {
                raw.append(
                        random.nextInt(3) == 0
                                ? String.format("%%%02X", random.nextInt(256))
                                : String.valueOf((char) ('a' + random.nextInt(26))));
            }
            HttpResponse<String> response = get(port, "/allocations/" + raw, false);
            assertThat(response.statusCode())
                    .as("seed " + seed + " #" + i + " /allocations/" + raw + " -> " + response.body())
                    .isIn(400, 404);
            assertThat(response.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void anAllocatedOrderIsReadBack() throws Exception {
        MessageCodec codec = MessageCodec.create();
        String sku = "LAMP-" + UUID.randomUUID();
        String orderId = "order-" + UUID.randomUUID();
        TestProducer.send(COMMANDS, sku, codec.encode(new CreateBatch("batch-" + sku, sku, 10, null)));
        TestProducer.send(COMMANDS, sku, codec.encode(new Allocate(orderId, sku, 2)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                get(port, "/allocations/" + orderId, false).statusCode())
                        .isEqualTo(200));
        assertThat(get(port, "/allocations/" + orderId, false).body())
                .isEqualTo("[{\"sku\":\"" + sku + "\",\"batchRef\":\"batch-" + sku + "\"}]");
    }

    @Test
    void theActuatorIsOnItsOwnPortWithDetailsForTheOperatorOnly() {
        assertThat(get(managementPort, "/actuator/health/liveness", false).statusCode())
                .isEqualTo(200);
        String anonymous =
                get(managementPort, "/actuator/health/readiness", false).body();
        assertThat(anonymous).contains("\"status\":\"UP\"").doesNotContain("\"db\"");
        assertThat(get(managementPort, "/actuator/health/readiness", true).body())
                .as("readiness is what the instance can serve: its database")
                .contains("\"db\"")
                .doesNotContain("\"kafka\"");
        assertThat(get(managementPort, "/actuator/health", true).body()).contains("\"kafka\"");
        assertThat(get(managementPort, "/actuator/prometheus", false).body()).contains("messages_consumed_total");
        assertThat(get(managementPort, "/actuator/info", false).statusCode()).isEqualTo(401);
        assertThat(get(port, "/actuator/health", false).statusCode()).isEqualTo(404);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type"))
                .as(what)
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(int port, String rawPath, boolean asOperator) {
        TestHttp http = new TestHttp(port);
        return asOperator ? http.get(rawPath, "operator", PASSWORD) : http.get(rawPath);
    }
}
