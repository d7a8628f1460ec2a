package org.cosmicstock.messaging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker started once per test JVM: a Testcontainers {@code apache/kafka} container where a
 * Docker engine is reachable, the embedded KRaft broker (random ports) otherwise. The switch is the system
 * property {@code cosmicstock.test.containers} or the environment variable {@code COSMICSTOCK_TEST_CONTAINERS}:
 * {@code auto} (default), {@code always} or {@code never}; one log line says which broker is used and why.
 */
public final class TestKafka {

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);
    private static final int PARTITIONS = 6;

    private static String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            Containers.Decision decision = Containers.decide();
            if (decision.useContainers()) {
                String image = setting("cosmicstock.test.kafka-image", "apache/kafka:4.2.1");
                bootstrapServers = KafkaInContainer.start(image);
                LOG.info("Test Kafka: container {} at {} ({})", image, bootstrapServers, decision.reason());
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
                bootstrapServers = broker.getBrokersAsString();
                LOG.info("Test Kafka: embedded KRaft broker at {} ({})", bootstrapServers, decision.reason());
            }
        }
        return bootstrapServers;
    }

    /** A unique topic name, so tests sharing the broker never see each other's records. */
    public static String uniqueTopic(String prefix) {
        return prefix + "." + UUID.randomUUID();
    }

    /** Every record of {@code topic} from the beginning to its current end. */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads {@code count} records from the beginning of {@code topic}, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> read(String topic, int count, Duration timeout) {
        return read(topic, count, record -> true, timeout);
    }

    /** Reads from the beginning of {@code topic} until {@code count} records match, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> read(
            String topic, int count, Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        records.add(record);
                    }
                }
            }
        }
        if (records.size() < count) {
            throw new AssertionError(
                    "Expected " + count + " records on " + topic + " within " + timeout + ", got " + records.size());
        }
        return records;
    }

    /** A system property, else its environment variable (dots and dashes as underscores, upper case), else a default. */
    static String setting(String property, String fallback) {
        String environment = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    // Only this class names Testcontainers' Kafka module, so the embedded path never loads it.
    private static final class KafkaInContainer {
        static String start(String image) {
            var kafka = new org.testcontainers.kafka.KafkaContainer(image)
                    .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS));
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
            return kafka.getBootstrapServers();
        }
    }

    /**
     * Whether the test support uses containers, decided once per JVM and shared with {@link TestPostgres}.
     * {@code auto} looks for a Docker endpoint with plain sockets first (milliseconds, no Testcontainers
     * classes loaded), so a machine without Docker is never slowed down by Testcontainers' own probing.
     */
    static final class Containers {

        static final String SWITCH = "cosmicstock.test.containers";

        record Decision(boolean useContainers, String reason) {}

        private static Decision decision;

        private Containers() {}

        static synchronized Decision decide() {
            if (decision == null) {
                decision = evaluate(setting(SWITCH, "auto").toLowerCase(Locale.ROOT));
            }
            return decision;
        }

        private static Decision evaluate(String mode) {
            switch (mode) {
                case "never":
                    return new Decision(false, SWITCH + "=never");
                case "always":
                    if (!testcontainersPresent()) {
                        throw new IllegalStateException(SWITCH + "=always, but Testcontainers is not on the test"
                                + " classpath: add org.testcontainers:testcontainers-kafka and"
                                + " testcontainers-postgresql (test scope)");
                    }
                    return new Decision(true, SWITCH + "=always");
                case "auto":
                    String endpoint = dockerEndpoint();
                    if (endpoint == null) {
                        return new Decision(false, SWITCH + "=auto: no Docker engine reachable");
                    }
                    if (!testcontainersPresent()) {
                        return new Decision(
                                false,
                                SWITCH + "=auto: Docker at " + endpoint
                                        + ", but Testcontainers is not on this module's test classpath");
                    }
                    if (!DockerCheck.available()) {
                        return new Decision(false, SWITCH + "=auto: " + endpoint + " answers, but not as Docker");
                    }
                    return new Decision(true, SWITCH + "=auto: Docker engine at " + endpoint);
                default:
                    throw new IllegalStateException(SWITCH
                            + " (or COSMICSTOCK_TEST_CONTAINERS) must be auto, always or never, got '" + mode + "'");
            }
        }

        // DOCKER_HOST, Testcontainers' own docker.host setting, then the usual sockets of Docker, rootless
        // Docker, Docker Desktop, Colima, Rancher Desktop and Podman.
        private static String dockerEndpoint() {
            String home = System.getProperty("user.home");
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            List<String> candidates = new ArrayList<>();
            candidates.add(System.getenv("DOCKER_HOST"));
            candidates.add(testcontainersProperty(home, "docker.host"));
            candidates.add("unix:///var/run/docker.sock");
            candidates.add("unix://" + home + "/.docker/run/docker.sock");
            candidates.add("unix://" + home + "/.docker/desktop/docker.sock");
            candidates.add("unix://" + home + "/.colima/default/docker.sock");
            candidates.add("unix://" + home + "/.rd/docker.sock");
            if (runtime != null) {
                candidates.add("unix://" + runtime + "/docker.sock");
                candidates.add("unix://" + runtime + "/podman/podman.sock");
            }
            return candidates.stream()
                    .filter(candidate -> candidate != null && !candidate.isBlank())
                    .filter(Containers::answers)
                    .findFirst()
                    .orElse(null);
        }

        private static boolean answers(String endpoint) {
            try {
                URI uri = URI.create(endpoint);
                if ("unix".equals(uri.getScheme())) {
                    Path socket = Path.of(uri.getPath());
                    if (!Files.exists(socket)) {
                        return false;
                    }
                    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                        return channel.isConnected();
                    }
                }
                if ("tcp".equals(uri.getScheme())
                        || "http".equals(uri.getScheme())
                        || "https".equals(uri.getScheme())) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
                        return true;
                    }
                }
                return true; // npipe and the like: let Testcontainers judge
            } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
                return false;
            }
        }

        private static String testcontainersProperty(String home, String key) {
            Path file = Path.of(home, ".testcontainers.properties");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                return null;
            }
            return properties.getProperty(key);
        }

        private static boolean testcontainersPresent() {
            try {
                Class.forName("org.testcontainers.DockerClientFactory", false, TestKafka.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    // Only reached once a socket answers, so Testcontainers' slower probing never runs on a machine without one.
    private static final class DockerCheck {
        static boolean available() {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        }
    }
}
