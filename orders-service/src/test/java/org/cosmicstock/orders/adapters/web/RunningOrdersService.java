package org.cosmicstock.orders.adapters.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestPostgres;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("spring.datasource.url", TestPostgres::freshDatabaseUrl);
        properties.add("cosmicstock.messaging.topics.commands", () -> TOPICS + ".commands");
        properties.add("cosmicstock.messaging.topics.events", () -> TOPICS + ".events");
    }

    HttpResponse<String> post(String contentType, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(api("/orders")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        return send(request);
    }

    HttpResponse<String> postJson(String json) {
        return post("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code rawPath} is sent as it is: percent-encode it yourself. */
    HttpResponse<String> get(String rawPath) {
        return send(HttpRequest.newBuilder(api(rawPath)).GET());
    }

    HttpResponse<String> management(String path, boolean asOperator) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path));
        if (asOperator) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.GET());
    }

    private URI api(String rawPath) {
        return URI.create("http://127.0.0.1:" + port + rawPath);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
