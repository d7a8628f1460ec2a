package org.cosmicstock.allocation.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.allocation.bootstrap.AllocationServiceApplication;
import org.cosmicstock.messaging.testing.OpenApiDocument;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * allocation-service's checked-in OpenAPI document (static/openapi.yaml) against the running service: valid
 * OpenAPI 3.1, served at GET /openapi.yaml, the same operations and query parameters as the controllers, and the
 * real answers (200, 400, 404) accepted by its schemas, field by field.
 */
@SpringBootTest(
        classes = AllocationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

    private static final String COMMANDS = TestKafka.uniqueTopic("allocation-openapi.commands");
    private static final String GET_ALLOCATIONS = "GET /allocations/{orderId}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("spring.datasource.url", TestPostgres::freshDatabaseUrl);
        properties.add("cosmicstock.messaging.topics.commands", () -> COMMANDS);
        properties.add("cosmicstock.messaging.topics.events", () -> COMMANDS + ".events");
    }

    @Test
    void isAValidOpenApi31Document() {
        DOCUMENT.assertValid();
    }

    @Test
    void theServiceServesItOnItsApiPort() {
        HttpResponse<String> served = get("/openapi.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(served.body()).isEqualTo(DOCUMENT.text());
    }

    @Test
    void itDocumentsExactlyTheControllersOperationsAndQueryParameters() {
        assertThat(DOCUMENT.queryParameters()).isEqualTo(OpenApiDocument.mappedQueryParameters(mappings));
    }

    @Test
    void realAnswersAreWhatItDescribes() throws Exception {
        MessageCodec codec = MessageCodec.create();
        String sku = "LAMP-" + UUID.randomUUID();
        String orderId = "order-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            COMMANDS, sku, codec.encode(new CreateBatch("batch-" + sku, sku, 10, null))))
                    .get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(COMMANDS, sku, codec.encode(new Allocate(orderId, sku, 2))))
                    .get(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/allocations/" + orderId).statusCode() == 200);

        DOCUMENT.assertAnswer(GET_ALLOCATIONS, get("/allocations/" + orderId));
        DOCUMENT.assertAnswer(GET_ALLOCATIONS, get("/allocations/order-nobody-placed"));
        DOCUMENT.assertAnswer(GET_ALLOCATIONS, get("/allocations/order%201"));
    }

    private HttpResponse<String> get(String rawPath) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
