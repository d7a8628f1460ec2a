package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.localstack.ServiceProcess;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error, loses nothing, and the suite keeps going. */
class UnhappyPathsE2ETest extends OnTheRunningSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String INVALID_UNKNOWN = "messages_consumed_total{application=\"allocation-service\","
            + "outcome=\"invalid\",topic=\"allocation.commands\",type=\"unknown\"}";
    private static final String INVALID_CREATE_BATCH = "messages_consumed_total{application=\"allocation-service\","
            + "outcome=\"invalid\",topic=\"allocation.commands\",type=\"CreateBatch\"}";

    @Test
    void anUnknownSkuIsRefusedWithAnEventAndWhatCanNeverSucceedIsDeadLetteredWithTheReason() throws Exception {
        ServiceProcess allocation = suite.allocation();
        double undecodableBefore = suite.metric(allocation, INVALID_UNKNOWN);
        double invalidBefore = suite.metric(allocation, INVALID_CREATE_BATCH);
        String sku = SuiteE2ETest.sku("UNKNOWN");
        String orderId = "order-" + UUID.randomUUID();
        String unknownId = suite.send(sku, codec.encode(new Allocate(orderId, sku, 1)));
        String garbageId = suite.send(sku, "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8));
        String zeroId = suite.send(sku, codec.encode(new CreateBatch("batch-" + sku, sku, 0, null)));
        suite.send(sku, codec.encode(new CreateBatch("batch-" + sku, sku, 7, null)));

        ConsumerRecord<String, byte[]> rejected =
                Events.of(suite, sku, 1, PATIENCE).get(0);
        assertThat(codec.decode(rejected.value()))
                .isEqualTo(new AllocationRejected(orderId, sku, 1, "Invalid sku " + sku));
        assertThat(Events.header(rejected, "ce_causationid")).isEqualTo(unknownId);

        // Everything sent for this SKU is handled once the last batch shows in the view.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(suite.get(suite.stockView(1).port(), "/stock/" + sku)
                                .body())
                        .contains("\"availableNow\":7"));
        List<ConsumerRecord<String, byte[]>> dead = Events.readToEnd(suite, RunningSuite.COMMANDS + ".DLT", sku);
        assertThat(dead).extracting(r -> Events.header(r, "ce_id")).containsExactly(garbageId, zeroId);
        assertThat(dead)
                .extracting(r -> Events.header(r, "dlt_reason"))
                .containsExactly(
                        "org.cosmicstock.schemas.codec.MalformedMessageException: Malformed message: not Avro"
                                + " single-object encoding (first bytes 0x7B226E6F)",
                        "org.cosmicstock.messaging.bus.MessageRejected: Invalid message: qty must be between 1 and"
                                + " 1000000");
        ConsumerRecord<String, byte[]> first = dead.get(0);
        assertThat(Events.header(first, "kafka_dlt-original-topic")).isEqualTo(RunningSuite.COMMANDS);
        assertThat(Events.header(first, "kafka_dlt-original-consumer-group")).isEqualTo("allocation-service");
        assertThat(first.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(suite.metric(allocation, INVALID_UNKNOWN)).isEqualTo(undecodableBefore + 1);
            assertThat(suite.metric(allocation, INVALID_CREATE_BATCH)).isEqualTo(invalidBefore + 1);
        });
    }

    @Test
    void anOrderForAnUnknownSkuEndsRejectedInsteadOfPendingForever() throws Exception {
        String sku = SuiteE2ETest.sku("NEVER-STOCKED");
        String orderId = "order-" + UUID.randomUUID();

        suite.placeOneLine(orderId, sku, 1);
        suite.awaitOrder(
                orderId,
                PATIENCE,
                "\"status\":\"REJECTED\"",
                "{\"sku\":\"" + sku + "\",\"qty\":1,\"status\":\"REJECTED\"}");
    }

    @Test
    void badHttpRequestsGetProblemDetailsNamingTheFieldNeverA5xx() throws Exception {
        int orders = suite.orders().port();
        assertProblem(suite.post(orders, "/orders", "{\"lines\": []}"), 400, "lines");
        assertProblem(suite.post(orders, "/orders", "{\"lines\": [{\"sku\": \"X\", \"qty\": 0}]}"), 400, "qty");
        assertProblem(suite.post(orders, "/orders", "{\"lines\": [{\"qty\": 1}]}"), 400, "sku");
        assertProblem(suite.post(orders, "/orders", "{not json"), 400, "");
        assertProblem(suite.get(orders, "/orders/" + "x".repeat(300)), 400, "orderId");
        assertProblem(suite.get(orders, "/orders/no-such-order"), 404, "no-such-order");
        int stock = suite.stockView(1).port();
        assertProblem(suite.get(stock, "/stock/NO-SUCH-SKU"), 404, "NO-SUCH-SKU");
        assertProblem(suite.get(stock, "/stock/ANY/availability?qty=0"), 400, "qty");
        assertProblem(suite.get(stock, "/stock/ANY/availability?qty=abc"), 400, "qty");
        assertProblem(suite.get(suite.allocation().port(), "/allocations/" + "y".repeat(129)), 400, "orderId");
    }

    @Test
    void everyServiceServesProbesAndMetricsOnItsManagementPortAndDetailsOnlyToTheOperator() throws Exception {
        for (ServiceProcess service : suite.stack.services()) {
            assertThat(service.managementPort()).isNotEqualTo(service.port());
            assertThat(suite.get(URI.create(service.actuatorUrl() + "/health/liveness"), false)
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> readiness = suite.get(URI.create(service.readinessUrl()), false);
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).as("details are the operator's").doesNotContain("components");
            assertThat(suite.get(URI.create(service.readinessUrl()), true).body())
                    .contains("components");
            assertThat(suite.get(URI.create(service.prometheusUrl()), false).body())
                    .contains("messages_consumed_total{");
            assertThat(suite.get(service.port(), "/actuator/health").statusCode())
                    .as("no actuator on the public port")
                    .isEqualTo(404);
        }
        assertThat(suite.get(URI.create(suite.allocation().readinessUrl()), true)
                        .body())
                .contains("\"db\"");
        assertThat(suite.get(URI.create(suite.allocation().prometheusUrl()), false)
                        .body())
                .contains("outbox_pending")
                .contains("outbox_oldest_pending_age_seconds")
                .contains("outbox_parked")
                .contains("outbox_publish_failures_total")
                .contains("outbox_published_total{")
                .contains("outbox_publish_delay_seconds")
                .contains("consumer_retries_total{")
                .contains("consumer_retrying_partitions{")
                .contains("message_handling_seconds");
        assertThat(suite.get(URI.create(suite.stockView(1).prometheusUrl()), false)
                        .body())
                .contains("projection_lag_seconds");
        assertThat(suite.get(URI.create(suite.stockView(1).actuatorUrl() + "/projection"), false)
                        .statusCode())
                .as("the projection's status and rebuild are the operator's")
                .isEqualTo(401);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains(detail);
    }
}
