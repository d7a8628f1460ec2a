package org.cosmicstock.orders.adapters.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cosmicstock.messaging.testing.TestHttp;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestServices;
import org.cosmicstock.orders.bootstrap.OrdersServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole orders service on a real PostgreSQL and Kafka, shared by the HTTP tests (one context:
 * every subclass inherits the same configuration), with an operator password set.
 */
@SpringBootTest(
        classes = OrdersServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cosmicstock.ops.username=operator", "cosmicstock.ops.password=" + RunningOrdersService.PASSWORD})
abstract class RunningOrdersService {

    static final String PASSWORD = "orders-ops-password-for-tests";
    static final String TOPICS = TestKafka.uniqueTopic("orders-web");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        TestServices.onKafkaAndPostgres(properties, TOPICS + ".commands", TOPICS + ".events");
    }

    HttpResponse<String> post(String contentType, byte[] body) {
        HttpRequest.Builder request =
                new TestHttp(port).request("/orders").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        return TestHttp.send(request);
    }

    HttpResponse<String> postJson(String json) {
        return post("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code rawPath} is sent as it is: percent-encode it yourself. */
    HttpResponse<String> get(String rawPath) {
        return new TestHttp(port).get(rawPath);
    }

    HttpResponse<String> management(String path, boolean asOperator) {
        TestHttp management = new TestHttp(managementPort);
        return asOperator ? management.get(path, "operator", PASSWORD) : management.get(path);
    }
}
