package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/** A real single-node Kafka broker (KRaft, broker and controller in one) run as a child JVM. */
public final class KafkaBroker extends StackProcess {
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m",
            "-Xmx1g",
            "-Djava.awt.headless=true",
            // Given here so that a simplelogger.properties elsewhere on the classpath cannot change them.
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Path directory;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final String classpath;

    /** {@code directory} holds server.properties and the logs; {@code classpath} must hold kafka_2.13. */
    public KafkaBroker(Path directory, Path logFile, int port, int controllerPort, String classpath) {
        super("The Kafka broker");
        this.directory = directory.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    /**
     * A broker on this JVM's classpath, with its log in {@code directory/kafka.log}. The launcher's
     * classpath holds target/lib; a Maven test fork's holds the test classpath: both have kafka_2.13.
     */
    public static KafkaBroker inDirectory(Path directory, int port, int controllerPort) {
        return new KafkaBroker(
                directory, directory.resolve("kafka.log"), port, controllerPort, ChildProcess.classpathOfThisJvm());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** A broker's storage is formatted once, with a new cluster id; the next start keeps its topics. */
    public boolean needsFormat() {
        return !Files.exists(dataDir().resolve("meta.properties"));
    }

    /**
     * Formats the storage unless it already is, then starts the broker and waits until it answers. May
     * be called again after {@link #stop()} or {@link #kill()}: same ports, same data, same topics.
     */
    public synchronized void start() throws IOException, StartupException {
        beginStart(logFile);
        Files.createDirectories(directory);
        Files.writeString(serverProperties(), ServerProperties.render(port, controllerPort, dataDir()));
        if (needsFormat()) {
            format();
        }
        ChildProcess broker =
                spawn("Kafka broker", List.of("kafka.Kafka", serverProperties().toString()));
        awaitReady(broker);
    }

    private void format() throws IOException, StartupException {
        // Uuid.randomUuid() is what "StorageTool random-uuid" prints; it saves starting a JVM for it.
        ChildProcess format = spawn(
                "Kafka storage format",
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--standalone",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        serverProperties().toString()));
        try {
            if (!format.awaitExit(FORMAT_TIMEOUT)) {
                format.stop(Duration.ZERO);
                throw StartupException.withLog("Formatting Kafka's storage took over " + FORMAT_TIMEOUT, logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while formatting Kafka's storage");
        }
        if (format.exitCode().orElse(-1) != 0) {
            throw StartupException.withLog("Formatting Kafka's storage failed", logFile);
        }
    }

    private ChildProcess spawn(String name, List<String> mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath));
        command.addAll(mainAndArguments);
        return slot.start(name, command, Map.of(), logFile);
    }

    private void awaitReady(ChildProcess broker) throws StartupException {
        try (KafkaProbe probe = new KafkaProbe("127.0.0.1", port)) {
            Readiness.await(broker, "The Kafka broker on " + bootstrapServers(), READY_TIMEOUT, probe);
        }
    }

    /** A later start after a kill may take longer: the broker recovers its log. */
    @Override
    Duration stopGrace() {
        return STOP_GRACE;
    }

    private Path serverProperties() {
        return directory.resolve("server.properties");
    }

    private Path dataDir() {
        return directory.resolve("data");
    }
}
