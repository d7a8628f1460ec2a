package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.tools.RegisterSchemas;
import org.junit.jupiter.api.Test;

/** The suite with a real schema registry (Apicurio, Confluent-compatible API) as delivery sets it up. */
class RegistryE2ETest extends OnTheRunningSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyReleasedSchemaIsRegisteredAndRegisteringAgainChangesNothing() throws Exception {
        String subjects = get("/subjects").body();
        for (var type : MessageTypes.all()) {
            assertThat(subjects).contains("\"" + type.getName() + "\"");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);

        int exit = RegisterSchemas.run(
                new String[] {"--registry-url", suite.stack.registry().confluentApiUrl()}, Map.of(), print, print);

        assertThat(exit).as(output.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(get("/subjects/org.cosmicstock.schemas.commands.Allocate/versions")
                        .body())
                .isEqualTo("[1]");
    }

    @Test
    void anIncompatibleChangeIsRefusedWithTheRegistrysMessage() throws Exception {
        // qty becomes a string: no reader of the released versions could read it.
        String incompatible = "{\"type\":\"record\",\"name\":\"Allocate\",\"namespace\":"
                + "\"org.cosmicstock.schemas.commands\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"},"
                + "{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"string\"}]}";
        String body = "{\"schema\":" + quoted(incompatible) + "}";

        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri("/subjects/org.cosmicstock.schemas.commands.Allocate/versions"))
                        .header("content-type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(get("/subjects/org.cosmicstock.schemas.commands.Allocate/versions")
                        .body())
                .isEqualTo("[1]");
    }

    @Test
    void commandsInEitherFormatAreAllocatedAndTheEventsInTheRegistryFormatReadByEveryService() throws Exception {
        String sku = SuiteE2ETest.sku("REGISTRY");
        suite.send(sku, suite.codec.encode(RunningSuite.COMMANDS, new CreateBatch("batch-" + sku, sku, 10, null)));
        String viaRegistry = "order-" + UUID.randomUUID();
        String viaSingleObject = "order-" + UUID.randomUUID();
        suite.send(sku, suite.codec.encode(RunningSuite.COMMANDS, new Allocate(viaRegistry, sku, 2)));
        suite.send(sku, suite.singleObject.encode(new Allocate(viaSingleObject, sku, 3)));

        var events = Events.of(suite, sku, 3, PATIENCE);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.value()[0]).isZero();
            assertThat(Events.header(event, "content-type")).isEqualTo("application/avro; format=schema-registry");
        });
        assertThat(events.stream().map(ConsumerRecord::value).map(suite.codec::decode))
                .as("allocated in the order sent, on one partition: the batch holds 2, then 5")
                .contains(
                        new Allocated(viaRegistry, sku, 2, "batch-" + sku, 2),
                        new Allocated(viaSingleObject, sku, 3, "batch-" + sku, 5));
        for (int replica = 1; replica <= 2; replica++) {
            int port = suite.stockView(replica).port();
            await().atMost(PATIENCE)
                    .untilAsserted(() ->
                            assertThat(suite.get(port, "/stock/" + sku).body()).contains("\"availableNow\":5"));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(suite.stack.registry().confluentApiUrl() + path);
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
