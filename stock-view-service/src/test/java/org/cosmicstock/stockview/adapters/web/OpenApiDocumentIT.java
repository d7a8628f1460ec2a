package org.cosmicstock.stockview.adapters.web;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.testing.OpenApiDocumentTests;
import org.cosmicstock.messaging.testing.TestHttp;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.stockview.bootstrap.StockViewServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * stock-view-service's checked-in OpenAPI document (static/openapi.yaml) against the running service: what
 * {@link OpenApiDocumentTests} checks of every service, and real answers accepted by its schemas field by field: GET /stock/{sku} both from the lookup filter (a plain known SKU)
 * and from the controller (a percent-encoded one), the availability query, and their 400s and 404s.
 */
@SpringBootTest(classes = StockViewServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT implements OpenApiDocumentTests {

    private static final String EVENTS = TestKafka.uniqueTopic("stock-view-openapi.events");
    private static final String GET_STOCK = "GET /stock/{sku}";
    private static final String GET_AVAILABILITY = "GET /stock/{sku}/availability";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("cosmicstock.messaging.topics.events", () -> EVENTS);
        properties.add("cosmicstock.stock-view.cache", () -> "in-memory");
    }

    @Test
    void realAnswersAreWhatItDescribes() {
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

    private static void send(String sku, SpecificRecord event) {
        TestProducer.publish(EVENTS, sku, event, "/allocation-service");
    }

    private HttpResponse<String> get(String rawPath) {
        return new TestHttp(port).get(rawPath);
    }
}
