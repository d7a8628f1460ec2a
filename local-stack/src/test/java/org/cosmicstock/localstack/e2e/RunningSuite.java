package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.localstack.LocalStack;
import org.cosmicstock.localstack.OperatorCredentials;
import org.cosmicstock.localstack.ServiceProcess;
import org.cosmicstock.localstack.ServiceSpec;
import org.cosmicstock.localstack.StackConfig;
import org.cosmicstock.localstack.StackOptions;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;

/**
 * The real suite for end-to-end tests, shaped like a production deployment: the launcher starts a
 * Kafka broker, a durable PostgreSQL, Redis, a schema registry (every released schema registered)
 * and the service jars built by this reactor, with the actuator on its own ports and two stock-view
 * replicas sharing their view in Redis, on free ports in a temporary directory. The services write
 * the schema-registry format; tests send commands in both formats. Started once per test JVM; each
 * test uses SKUs of its own.
 */
final class RunningSuite {

    static final String COMMANDS = "allocation.commands";
    static final String EVENTS = "allocation.events";
    private static RunningSuite instance;

    final LocalStack stack;
    final StackConfig config;
    final KafkaProducer<String, byte[]> producer;
    /** Reads both wire formats; writes the schema-registry format, as a registry-aware outside producer. */
    final MessageCodec codec;
    /** Writes Avro single-object encoding, as the suite's own format without a registry. */
    final MessageCodec singleObject = MessageCodec.create();

    /** Where every service exports its spans (all of them: sampling 1.0). */
    final OtlpReceiver spans;

    private final OperatorCredentials operator;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningSuite(LocalStack stack, OtlpReceiver spans) {
        this.stack = stack;
        this.spans = spans;
        this.config = stack.config();
        this.operator = config.operator();
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                        // Commands sent while a fault test has the broker stopped (or frozen, for
                        // three minutes) wait for it.
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 360_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000),
                new StringSerializer(),
                new ByteArraySerializer());
        this.codec = MessageCodec.withRegistry(
                RegistryClient.connect(stack.registry().confluentApiUrl()), SubjectNameStrategy.parse("record"));
    }

    static synchronized RunningSuite get() throws Exception {
        if (instance == null) {
            Path repoRoot = Path.of("..").toAbsolutePath().normalize();
            Path dataDir = Files.createTempDirectory("cosmic-e2e-");
            OtlpReceiver spans = new OtlpReceiver();
            List<String> javaOptions = new ArrayList<>(StackOptions.DEFAULT_SERVICE_JAVA_OPTIONS);
            // Boot 3's name of the OTLP endpoint, which the services still take.
            javaOptions.add("-Dmanagement.otlp.tracing.endpoint=" + spans.endpoint());
            javaOptions.add("-Dmanagement.tracing.sampling.probability=1.0");
            // One build, every reader knows v2: the suite as it runs after an upgrade's second step
            // (docs/adding-a-schema-version.md). While v1 is written, the stock view counts an event
            // the relay published twice twice (what the fault tests would catch); RollingUpgradeE2ETest
            // runs the defaults.
            javaOptions.add("-Dcosmicstock.messaging.schemas.write.Allocated=2");
            javaOptions.add("-Dcosmicstock.messaging.schemas.write.Deallocated=2");
            StackConfig config = StackConfig.withFreePorts(repoRoot, dataDir, true)
                    .with(StackOptions.defaults()
                            .withRedis()
                            .withRegistry()
                            .withInstances(1, 2)
                            .withServiceJavaOptions(javaOptions));
            // The one line per test JVM the other modules' test support writes, saying what the parts are.
            System.out.println("Test infrastructure: the launcher's own Kafka, PostgreSQL, redis-server and Apicurio"
                    + " processes (cosmicstock.test.containers does not apply to local-stack: it tests these)");
            LocalStack stack = new LocalStack(config, new PrintStream(System.out, true, StandardCharsets.UTF_8));
            try {
                stack.start();
            } catch (Exception e) {
                stack.close();
                throw e;
            }
            instance = new RunningSuite(stack, spans);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "e2e-suite-stop"));
        }
        return instance;
    }

    private void stop() {
        producer.close(Duration.ofSeconds(5));
        stack.close();
        spans.close();
    }

    ServiceProcess allocation() {
        return stack.instance(ServiceSpec.ALLOCATION, 1);
    }

    ServiceProcess orders() {
        return stack.instance(ServiceSpec.ORDERS, 1);
    }

    ServiceProcess stockView(int n) {
        return stack.instance(ServiceSpec.STOCK_VIEW, n);
    }

    /** Sends a command as an outside producer would: Avro bytes keyed by SKU, with a message id. */
    String send(String key, byte[] payload) throws Exception {
        String id = UUID.randomUUID().toString();
        var record = new ProducerRecord<>(COMMANDS, key, payload);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/e2e-test".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(3, TimeUnit.MINUTES);
        return id;
    }

    /** Sends a command in the schema-registry format. */
    String send(String key, SpecificRecord command) throws Exception {
        return send(key, codec.encode(COMMANDS, command));
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return get(URI.create("http://127.0.0.1:" + port + path), false);
    }

    HttpResponse<String> get(URI uri, boolean asOperator) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (asOperator) {
            String credentials = operator.username() + ":" + operator.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(int port, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Places an order of one line over HTTP ({@code headers} as for {@link #post}) and checks that orders-service
     * took it: a 202.
     */
    void placeOneLine(String orderId, String sku, int qty, String... headers) throws Exception {
        HttpResponse<String> placed = post(
                orders().port(),
                "/orders",
                "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":" + qty + "}]}",
                headers);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    }

    /** Waits until orders-service answers {@code GET /orders/{orderId}} with a body that contains every text. */
    void awaitOrder(String orderId, Duration patience, String... texts) {
        await("order " + orderId + " showing " + String.join(", ", texts))
                .atMost(patience)
                .untilAsserted(() -> assertThat(
                                get(orders().port(), "/orders/" + orderId).body())
                        .contains(texts));
    }

    /** The value of a counter of a service's {@code /actuator/prometheus}, 0 if it is not there. */
    double metric(ServiceProcess service, String seriesPrefix) throws Exception {
        String body = get(URI.create(service.prometheusUrl()), false).body();
        double total = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(seriesPrefix)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
