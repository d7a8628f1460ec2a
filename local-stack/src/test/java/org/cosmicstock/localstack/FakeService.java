package org.cosmicstock.localstack;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stands in for a Spring Boot service in launcher tests: logs the settings it was given, answers the
 * readiness probe, and can be told to fail ({@code FAKE_BEHAVIOUR=exit}) or never get ready ({@code unready}).
 */
public final class FakeService {
    private static final List<String> SETTINGS = List.of(
            "SERVER_PORT",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD");

    private FakeService() {}

    public static void main(String[] args) throws Exception {
        for (String name : SETTINGS) {
            String value = System.getenv(name);
            System.out.println(name + (value == null ? " unset" : "=" + value));
        }
        System.out.println("avro trusted=" + System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES"));
        String behaviour = System.getenv().getOrDefault("FAKE_BEHAVIOUR", "ready");
        if (behaviour.equals("exit")) {
            System.out.println("Failed to configure a DataSource: the fake was told to fail");
            System.exit(3);
        }
        int status = behaviour.equals("unready") ? 503 : 200;
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
        server.start();
        System.out.println("fake service listening");
    }
}
