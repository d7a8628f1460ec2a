package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.cosmicstock.messaging.testing.OpenApiDocumentTests;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.schemas.events.Allocated;
import org.junit.jupiter.api.Test;

/**
 * orders-service's checked-in OpenAPI document (static/openapi.yaml) against the running service: what
 * {@link OpenApiDocumentTests} checks of every service, real answers
 * (202, 200, 400, 404, 413, 415) accepted by its schemas field by field, and its request schema agreeing with
 * what the service accepts and refuses.
 */
class OpenApiDocumentIT extends RunningOrdersService implements OpenApiDocumentTests {

    private static final String PLACE = "POST /orders";
    private static final String GET_ORDER = "GET /orders/{orderId}";

    @Test
    void realAnswersAreWhatItDescribes() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        String order = "{\"orderId\":\"" + orderId
                + "\",\"lines\":[{\"sku\":\"LAMP\",\"qty\":3},{\"sku\":\"DESK\",\"qty\":1}]}";

        HttpResponse<String> placed = postJson(order);
        assertThat(placed.statusCode()).isEqualTo(202);
        DOCUMENT.assertAnswer(PLACE, placed);
        DOCUMENT.assertAnswer(GET_ORDER, get("/orders/" + orderId));
        allocated(orderId, "LAMP", 3, "batch-lamp");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/orders/" + orderId).body().contains("\"batchRef\":\"batch-lamp\""));
        DOCUMENT.assertAnswer(GET_ORDER, get("/orders/" + orderId));
        DOCUMENT.assertAnswer(GET_ORDER, get("/orders/order-nobody-placed"));
        DOCUMENT.assertAnswer(GET_ORDER, get("/orders/order%201"));
        DOCUMENT.assertAnswer(PLACE, postJson("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":0}]}"));
        DOCUMENT.assertAnswer(PLACE, post("text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        DOCUMENT.assertAnswer(PLACE, post("application/json", new byte[70_000]));
    }

    /** allocation-service's answer to one line, as it publishes it. */
    private static void allocated(String orderId, String sku, int qty, String batchRef) {
        TestProducer.publish(
                TOPICS + ".events", sku, new Allocated(orderId, sku, qty, batchRef, qty), "/allocation-service");
    }

    @Test
    void itsRequestSchemaAcceptsWhatTheServiceAcceptsAndRefusesWhatItRefuses() {
        for (String accepted : new String[] {
            "{\"lines\":[{\"sku\":\"LAMP\",\"qty\":1}]}",
            "{\"orderId\":\"order-" + UUID.randomUUID() + "\",\"lines\":[{\"sku\":\"LAMP\",\"qty\":1000000}]}",
            "{\"lines\":[{\"sku\":\"LAMP\",\"qty\":2,\"note\":\"unknown fields are ignored\"}],\"channel\":\"web\"}"
        }) {
            assertThat(postJson(accepted).statusCode()).as(accepted).isEqualTo(202);
            assertThat(DOCUMENT.requestViolations(PLACE, accepted)).as(accepted).isEmpty();
        }
        for (String refused : new String[] {
            "{}",
            "{\"lines\":[]}",
            "{\"lines\":[{\"sku\":\"LAMP\"}]}",
            "{\"lines\":[{\"qty\":1}]}",
            "{\"lines\":[{\"sku\":\"LAMP\",\"qty\":0}]}",
            "{\"lines\":[{\"sku\":\"LAMP\",\"qty\":1000001}]}",
            "{\"lines\":[{\"sku\":\"LAMP\",\"qty\":\"3\"}]}",
            "{\"lines\":[{\"sku\":\"\",\"qty\":1}]}",
            "{\"lines\":[{\"sku\":3,\"qty\":1}]}",
            "{\"orderId\":\"\",\"lines\":[{\"sku\":\"LAMP\",\"qty\":1}]}"
        }) {
            assertThat(postJson(refused).statusCode()).as(refused).isEqualTo(400);
            assertThat(DOCUMENT.requestViolations(PLACE, refused)).as(refused).isNotEmpty();
        }
    }
}
