package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error, loses nothing, and the suite keeps going. */
class UnhappyPathsE2ETest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static RunningSuite suite;
    private final MessageCodec codec = MessageCodec.create();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = RunningSuite.get();
    }

    @Test
    void commandsThatCanNeverSucceedAreDeadLetteredWithTheReasonAndTheConsumerCarriesOn() throws Exception {
        String sku = SuiteE2ETest.sku("UNKNOWN");
        String unknownId = suite.send(sku, codec.encode(new Allocate("order-" + UUID.randomUUID(), sku, 1)));
        String garbageId = suite.send(sku, "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8));
        String zeroId = suite.send(sku, codec.encode(new CreateBatch("batch-" + sku, sku, 0, null)));
        suite.send(sku, codec.encode(new CreateBatch("batch-" + sku, sku, 7, null)));

        var dead = Events.read(suite, "allocation.commands.DLT", sku, 3, PATIENCE);
        assertThat(dead).extracting(r -> Events.header(r, "ce_id")).containsExactly(unknownId, garbageId, zeroId);
        assertThat(dead)
                .extracting(r -> Events.header(r, "dlt_reason"))
                .containsExactly(
                        "org.cosmicstock.allocation.service.InvalidSku: Invalid sku " + sku,
                        "org.cosmicstock.schemas.codec.MalformedMessageException: Malformed message: not Avro"
                                + " single-object encoding (first bytes 0x7B226E6F)",
                        "org.cosmicstock.messaging.bus.MessageRejected: Invalid message: qty must be at least 1,"
                                + " was 0");
        ConsumerRecord<String, byte[]> first = dead.get(0);
        assertThat(Events.header(first, "kafka_dlt-original-topic")).isEqualTo("allocation.commands");
        assertThat(Events.header(first, "kafka_dlt-original-consumer-group")).isEqualTo("allocation-service");
        assertThat(first.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(suite.get(suite.config.stockViewPort(), "/stock/" + sku)
                                .body())
                        .contains("\"availableNow\":7"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(suite.get(suite.config.allocationPort(), "/actuator/prometheus")
                                .body())
                        .contains("messages_consumed_total{application=\"allocation-service\",outcome=\"invalid\","
                                + "topic=\"allocation.commands\",type=\"unknown\"}")
                        .contains("outcome=\"dead_lettered\""));
    }

    @Test
    void badHttpRequestsGetProblemDetailsNeverA5xx() throws Exception {
        int orders = suite.config.ordersPort();
        assertProblem(suite.post(orders, "/orders", "{\"lines\": []}"), 400, "lines must hold at least one");
        assertProblem(suite.post(orders, "/orders", "{\"lines\": [{\"sku\": \"X\", \"qty\": 0}]}"), 400, "qty");
        assertProblem(suite.post(orders, "/orders", "{\"lines\": [{\"qty\": 1}]}"), 400, "sku is required");
        assertProblem(suite.post(orders, "/orders", "{not json"), 400, "");
        assertProblem(suite.get(orders, "/orders/no-such-order"), 404, "no-such-order");
        int stock = suite.config.stockViewPort();
        assertProblem(suite.get(stock, "/stock/NO-SUCH-SKU"), 404, "NO-SUCH-SKU");
        assertProblem(suite.get(stock, "/stock/ANY/availability?qty=0"), 400, "qty");
        assertProblem(suite.get(stock, "/stock/ANY/availability?qty=abc"), 400, "");
    }

    @Test
    void everyServiceServesProbesAndMetrics() throws Exception {
        for (int port :
                new int[] {suite.config.allocationPort(), suite.config.ordersPort(), suite.config.stockViewPort()}) {
            assertThat(suite.get(port, "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
            var readiness = suite.get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"kafka\"");
            var metrics = suite.get(port, "/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("messages_consumed_total{");
        }
        assertThat(suite.get(suite.config.allocationPort(), "/actuator/health/readiness")
                        .body())
                .contains("\"db\"");
        assertThat(suite.get(suite.config.allocationPort(), "/actuator/prometheus")
                        .body())
                .contains("outbox_pending")
                .contains("outbox_oldest_pending_age_seconds")
                .contains("outbox_published_total{")
                .contains("outbox_publish_delay_seconds")
                .contains("message_handling_seconds");
        assertThat(suite.get(suite.config.stockViewPort(), "/actuator/prometheus")
                        .body())
                .contains("projection_lag_seconds");
    }

    private static void assertProblem(java.net.http.HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains(detail);
    }
}
