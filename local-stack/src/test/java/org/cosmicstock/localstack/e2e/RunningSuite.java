package org.cosmicstock.localstack.e2e;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.localstack.LocalStack;
import org.cosmicstock.localstack.StackConfig;

/**
 * The real suite for end-to-end tests: the launcher starts a Kafka broker, PostgreSQL and the three
 * service jars built by this reactor, on free ports in a temporary directory. Started once per test
 * JVM; each test uses SKUs of its own.
 */
final class RunningSuite {

    private static RunningSuite instance;

    final LocalStack stack;
    final StackConfig config;
    final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningSuite(LocalStack stack) {
        this.stack = stack;
        this.config = stack.config();
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    static synchronized RunningSuite get() throws Exception {
        if (instance == null) {
            Path repoRoot = Path.of("..").toAbsolutePath().normalize();
            Path dataDir = Files.createTempDirectory("cosmic-e2e-");
            StackConfig config = StackConfig.withFreePorts(repoRoot, dataDir);
            LocalStack stack = new LocalStack(config, new PrintStream(System.out, true, StandardCharsets.UTF_8));
            try {
                stack.start();
            } catch (Exception e) {
                stack.close();
                throw e;
            }
            instance = new RunningSuite(stack);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "e2e-suite-stop"));
        }
        return instance;
    }

    private void stop() {
        producer.close(Duration.ofSeconds(5));
        stack.close();
    }

    /** Sends a command as an outside producer would: Avro bytes keyed by SKU, with a message id. */
    String send(String key, byte[] payload) throws Exception {
        String id = UUID.randomUUID().toString();
        var record = new ProducerRecord<>("allocation.commands", key, payload);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/e2e-test".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
        return id;
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
