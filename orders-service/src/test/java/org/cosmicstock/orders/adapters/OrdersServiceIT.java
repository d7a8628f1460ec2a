package org.cosmicstock.orders.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.testing.TestHttp;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.messaging.testing.TestServices;
import org.cosmicstock.orders.bootstrap.OrdersServiceApplication;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.OutOfStock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** orders-service with a real broker and PostgreSQL: HTTP in, Allocate out through the outbox, events followed. */
@SpringBootTest(classes = OrdersServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrdersServiceIT {

    private static final String COMMANDS = TestKafka.uniqueTopic("commands");
    private static final String EVENTS = TestKafka.uniqueTopic("events");
    private final MessageCodec codec = MessageCodec.create();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        TestServices.onKafkaAndPostgres(properties, COMMANDS, EVENTS);
    }

    @Test
    void placesAnOrderSendsAllocateOnceAndFollowsTheOutcome() throws Exception {
        double skippedBefore = skippedAllocated();
        String body = "{\"orderId\":\"order-1\",\"lines\":[{\"sku\":\"LAMP\",\"qty\":2},{\"sku\":\"SOFA\",\"qty\":1}]}";
        HttpResponse<String> placed = post(body);
        assertThat(placed.statusCode()).isEqualTo(202);
        assertThat(placed.headers().firstValue("location")).contains("/orders/order-1");
        assertThat(placed.body()).contains("\"status\":\"PENDING\"");
        assertThat(post(body).statusCode()).isEqualTo(202);

        var commands = TestKafka.read(COMMANDS, 2, this::ofOrderOne, Duration.ofSeconds(30));
        assertThat(commands)
                .extracting(r -> codec.decode(r.value()))
                .containsExactlyInAnyOrder(new Allocate("order-1", "LAMP", 2), new Allocate("order-1", "SOFA", 1));
        assertThat(commands).extracting(r -> r.key()).containsExactlyInAnyOrder("LAMP", "SOFA");
        assertThat(CloudEventHeaders.text(commands.get(0).headers(), CloudEventHeaders.SOURCE))
                .isEqualTo("/orders-service");

        long receiptsBefore = receipts();
        TestProducer.send(EVENTS, "LAMP", codec.encode(new Allocated("order-1", "LAMP", 2, "batch-7", 2)));
        TestProducer.send(EVENTS, "SOFA", codec.encode(new OutOfStock("order-1", "SOFA", 1)));
        TestProducer.send(EVENTS, "SOFA", "garbage".getBytes(StandardCharsets.UTF_8));
        TestProducer.send(EVENTS, "LAMP", codec.encode(new Allocated("someone-elses-order", "LAMP", 1, "batch-7", 3)));

        String expected = "{\"orderId\":\"order-1\",\"status\":\"PARTIALLY_ALLOCATED\",\"lines\":["
                + "{\"sku\":\"LAMP\",\"qty\":2,\"status\":\"ALLOCATED\",\"batchRef\":\"batch-7\"},"
                + "{\"sku\":\"SOFA\",\"qty\":1,\"status\":\"OUT_OF_STOCK\"}]}";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/orders/order-1").body(), expected::equals);
        // The event about someone else's order comes last on its partition: once it is skipped, every
        // record sent has been handled, and the dead-letter topic is read to its end.
        await("the event about someone else's order is skipped")
                .atMost(Duration.ofSeconds(30))
                .until(() -> skippedAllocated() > skippedBefore);
        assertThat(receipts() - receiptsBefore)
                .as("a receipt for each event about order-1, none for the news about someone else's order")
                .isEqualTo(2);
        assertThat(TestKafka.read(EVENTS + DeadLetters.SUFFIX, 1, Duration.ofSeconds(30)))
                .as("only the garbage is dead-lettered")
                .singleElement()
                .satisfies(dead -> assertThat(CloudEventHeaders.text(dead.headers(), DeadLetters.REASON_HEADER))
                        .startsWith("org.cosmicstock.schemas.codec.MalformedMessageException"));
        assertThat(TestKafka.readToEnd(COMMANDS).stream().filter(this::ofOrderOne))
                .as("placed twice, sent once")
                .hasSize(2);
    }

    @Test
    void aLineTheAllocationServiceRefusesIsRejectedAndSoIsTheOrder() throws Exception {
        assertThat(post("{\"orderId\":\"order-r\",\"lines\":[{\"sku\":\"GHOST\",\"qty\":1}]}")
                        .statusCode())
                .isEqualTo(202);
        TestProducer.send(
                EVENTS, "GHOST", codec.encode(new AllocationRejected("order-r", "GHOST", 1, "Invalid sku GHOST")));

        String expected = "{\"orderId\":\"order-r\",\"status\":\"REJECTED\",\"lines\":["
                + "{\"sku\":\"GHOST\",\"qty\":1,\"status\":\"REJECTED\"}]}";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/orders/order-r").body(), expected::equals);
    }

    @Test
    void badRequestsAreProblemDetails() throws Exception {
        HttpResponse<String> response = post("{\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"A\",\"qty\":2}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(response.body()).contains("repeats sku A");
        assertThat(get("/orders/unknown").statusCode()).isEqualTo(404);
    }

    private long receipts() throws Exception {
        return TestPostgres.selectLong(dataSource, "select count(*) from messaging.inbox");
    }

    private double skippedAllocated() {
        return registry.get("messages.consumed")
                .tags("topic", EVENTS, "type", "Allocated", "outcome", "skipped")
                .counter()
                .count();
    }

    private boolean ofOrderOne(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return ((Allocate) codec.decode(record.value())).getOrderId().equals("order-1");
    }

    private HttpResponse<String> post(String json) {
        return TestHttp.send(new TestHttp(port)
                .request("/orders")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }
}
