package org.cosmicstock.localstack;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stands in for a Spring Boot service in launcher tests: logs the settings and JVM options it was
 * given, answers the readiness probe on its management port (as Spring Boot does with
 * MANAGEMENT_SERVER_PORT), and can be told to fail ({@code FAKE_BEHAVIOUR=exit}), never get ready
 * ({@code unready}) or ignore the management port like a build without one ({@code http-only}).
 */
public final class FakeService {
    private static final List<String> SETTINGS = List.of(
            "SERVER_PORT",
            "MANAGEMENT_SERVER_PORT",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "COSMICSTOCK_STOCKVIEW_CACHE",
            "COSMICSTOCK_STOCKVIEW_REDIS_URL",
            "COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL");

    private FakeService() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("jarmode") != null) {
            // Not a Spring Boot jar, whatever its manifest says: it has no jar modes.
            System.err.println("no jar mode " + System.getProperty("jarmode"));
            System.exit(1);
        }
        for (String name : SETTINGS) {
            String value = System.getenv(name);
            System.out.println(name + (value == null ? " unset" : "=" + value));
        }
        System.out.println("jvm options=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        String behaviour = System.getenv().getOrDefault("FAKE_BEHAVIOUR", "ready");
        if (behaviour.equals("exit")) {
            System.out.println("Failed to configure a DataSource: the fake was told to fail");
            System.exit(3);
        }
        int status = behaviour.equals("unready") ? 503 : 200;
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        String management = System.getenv("MANAGEMENT_SERVER_PORT");
        int actuatorPort = management == null || behaviour.equals("http-only") ? port : Integer.parseInt(management);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        HttpServer actuator =
                actuatorPort == port ? server : HttpServer.create(new InetSocketAddress("127.0.0.1", actuatorPort), 0);
        actuator.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
        server.start();
        if (actuator != server) {
            actuator.start();
        }
        System.out.println("fake service listening");
    }
}
