package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.junit.jupiter.api.Test;

/** An order placed over HTTP is allocated through Kafka and its lines followed to the end. */
class OrdersE2ETest extends OnTheRunningSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void anOrderIsAllocatedLineByLineAndPlacingItAgainChangesNothing() throws Exception {
        String table = SuiteE2ETest.sku("TABLE");
        String chair = SuiteE2ETest.sku("CHAIR");
        suite.send(table, codec.encode(new CreateBatch("batch-" + table, table, 5, null)));
        suite.send(chair, codec.encode(new CreateBatch("batch-" + chair, chair, 1, null)));
        await().atMost(PATIENCE)
                .until(() ->
                        suite.get(suite.stockView(1).port(), "/stock/" + chair).statusCode() == 200);
        String orderId = "order-" + UUID.randomUUID();
        String body = "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"" + table + "\",\"qty\":2},{\"sku\":\""
                + chair + "\",\"qty\":4}]}";

        var placed = suite.post(suite.orders().port(), "/orders", body);
        assertThat(placed.statusCode()).isEqualTo(202);
        assertThat(placed.headers().firstValue("location")).contains("/orders/" + orderId);
        assertThat(suite.post(suite.orders().port(), "/orders", body).statusCode())
                .isEqualTo(202);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(suite.get(suite.orders().port(), "/orders/" + orderId)
                                .body())
                        .contains("{\"sku\":\"" + table + "\",\"qty\":2,\"status\":\"ALLOCATED\",\"batchRef\":\"batch-"
                                + table + "\"}")
                        .contains("{\"sku\":\"" + chair + "\",\"qty\":4,\"status\":\"OUT_OF_STOCK\"}")
                        .contains("\"status\":\"PARTIALLY_ALLOCATED\""));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(suite.get(suite.stockView(1).port(), "/stock/" + table)
                                .body())
                        .contains("\"availableNow\":3"));
        // Placed twice, sent once and allocated once: the order's outcome is final, and both topics are
        // read to their end, so a second Allocate or Allocated already written would be counted.
        assertThat(Events.readToEnd(suite, RunningSuite.COMMANDS, table).stream()
                        .map(r -> codec.decode(r.value()))
                        .filter(c -> c instanceof Allocate a && a.getOrderId().equals(orderId)))
                .hasSize(1);
        assertThat(Events.readToEnd(suite, RunningSuite.EVENTS, table).stream()
                        .map(r -> codec.decode(r.value()))
                        .filter(e -> e instanceof Allocated a && a.getOrderId().equals(orderId)))
                .hasSize(1);
    }
}
