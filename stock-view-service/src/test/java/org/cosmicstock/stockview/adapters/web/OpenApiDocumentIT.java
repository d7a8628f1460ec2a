package org.cosmicstock.stockview.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.testing.OpenApiDocument;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.stockview.bootstrap.StockViewServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * stock-view-service's checked-in OpenAPI document (static/openapi.yaml) against the running service: valid
 * OpenAPI 3.1, served at GET /openapi.yaml, the same operations and query parameters as the controller, and real
 * answers accepted by its schemas field by field: GET /stock/{sku} both from the lookup filter (a plain known SKU)
 * and from the controller (a percent-encoded one), the availability query, and their 400s and 404s.
 */
@SpringBootTest(classes = StockViewServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

    private static final String EVENTS = TestKafka.uniqueTopic("stock-view-openapi.events");
    private static final String GET_STOCK = "GET /stock/{sku}";
    private static final String GET_AVAILABILITY = "GET /stock/{sku}/availability";
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
        properties.add("cosmicstock.messaging.topics.events", () -> EVENTS);
        properties.add("cosmicstock.stock-view.cache", () -> "in-memory");
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
        String sku = "LAMP-" + UUID.randomUUID();
        send(sku, new BatchCreated("in-" + sku, sku, 10, null));
        send(sku, new BatchCreated("ship-" + sku, sku, 30, LocalDate.of(2031, 1, 15)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/stock/" + sku).body().contains("ship-" + sku));

        DOCUMENT.assertAnswer(GET_STOCK, get("/stock/" + sku));
        DOCUMENT.assertAnswer(GET_STOCK, get("/stock/" + sku.replace("-", "%2D")));
        DOCUMENT.assertAnswer(GET_STOCK, get("/stock/SKU-NOBODY-STOCKS"));
        DOCUMENT.assertAnswer(GET_STOCK, get("/stock/a%20b"));
        DOCUMENT.assertAnswer(GET_AVAILABILITY, get("/stock/" + sku + "/availability?qty=5"));
        DOCUMENT.assertAnswer(GET_AVAILABILITY, get("/stock/" + sku + "/availability?qty=25"));
        DOCUMENT.assertAnswer(GET_AVAILABILITY, get("/stock/" + sku + "/availability?qty=1000"));
        DOCUMENT.assertAnswer(GET_AVAILABILITY, get("/stock/" + sku + "/availability"));
        DOCUMENT.assertAnswer(GET_AVAILABILITY, get("/stock/" + sku + "/availability?qty=0"));
        DOCUMENT.assertAnswer(GET_AVAILABILITY, get("/stock/SKU-NOBODY-STOCKS/availability?qty=1"));
    }

    private static void send(String sku, SpecificRecord event) throws Exception {
        MessageCodec codec = MessageCodec.create();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EVENTS, sku, codec.encode(event));
        CloudEventHeaders.write(
                record.headers(),
                MessageContext.newFlow("/allocation-service"),
                MessageCodec.typeName(event),
                Instant.now(),
                codec.contentType());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
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
