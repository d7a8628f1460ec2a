package org.cosmicstock.allocation.adapters.web;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.cosmicstock.allocation.bootstrap.AllocationServiceApplication;
import org.cosmicstock.messaging.testing.OpenApiDocumentTests;
import org.cosmicstock.messaging.testing.TestHttp;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.messaging.testing.TestServices;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * allocation-service's checked-in OpenAPI document (static/openapi.yaml) against the running service: what
 * {@link OpenApiDocumentTests} checks of every service, and the real answers (200, 400, 404) accepted by its
 * schemas, field by field.
 */
@SpringBootTest(
        classes = AllocationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT implements OpenApiDocumentTests {

    private static final String COMMANDS = TestKafka.uniqueTopic("allocation-openapi.commands");
    private static final String GET_ALLOCATIONS = "GET /allocations/{orderId}";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        TestServices.onKafkaAndPostgres(properties, COMMANDS, COMMANDS + ".events");
    }

    @Test
    void realAnswersAreWhatItDescribes() {
        MessageCodec codec = MessageCodec.create();
        String sku = "LAMP-" + UUID.randomUUID();
        String orderId = "order-" + UUID.randomUUID();
        TestProducer.send(COMMANDS, sku, codec.encode(new CreateBatch("batch-" + sku, sku, 10, null)));
        TestProducer.send(COMMANDS, sku, codec.encode(new Allocate(orderId, sku, 2)));
        TestHttp api = new TestHttp(port);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/allocations/" + orderId).statusCode() == 200);

        DOCUMENT.assertAnswer(GET_ALLOCATIONS, api.get("/allocations/" + orderId));
        DOCUMENT.assertAnswer(GET_ALLOCATIONS, api.get("/allocations/order-nobody-placed"));
        DOCUMENT.assertAnswer(GET_ALLOCATIONS, api.get("/allocations/order%201"));
    }
}
