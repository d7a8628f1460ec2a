package org.cosmicstock.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the suite's Spring Boot services, run from its executable jar as a child JVM. */
public final class ServiceProcess implements AutoCloseable {
    /** Avro refuses to deserialize classes outside trusted packages; the services' are trusted here. */
    public static final String AVRO_TRUSTED_PACKAGES = "org.cosmicstock.schemas";

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final ProcessSlot slot;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile.toAbsolutePath();
        this.slot = new ProcessSlot(name);
    }

    /** The service as the local stack runs it: built in {@code repoRoot}, logging to {@code logDir/<name>.log}. */
    public static ServiceProcess of(
            ServiceSpec spec, Path repoRoot, Path logDir, String bootstrapServers, int postgresPort) {
        return new ServiceProcess(
                spec.name(),
                spec.jar(repoRoot),
                spec.port(),
                spec.environment(bootstrapServers, postgresPort),
                logDir.resolve(spec.name() + ".log"));
    }

    /** Starts the JVM without waiting for it; see {@link #awaitReady(Duration)}. */
    public void start() throws IOException, StartupException {
        if (!Files.isRegularFile(jar)) {
            throw new StartupException(String.format(
                    "%s is not built: %s is missing. Build it with ./mvnw -DskipTests package", name, jar));
        }
        JavaProcess.keepPreviousLog(logFile);
        slot.start(
                name,
                List.of(
                        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + AVRO_TRUSTED_PACKAGES,
                        // Unused by the service: it lets a later launcher recognise it as an orphan.
                        "-Dlocal-stack.log=" + logFile,
                        "-jar",
                        jar.toString()),
                environment,
                logFile);
    }

    /** Waits until the readiness probe answers 200: the service has its database, topics and listeners. */
    public void awaitReady(Duration timeout) throws StartupException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(readinessUrl()))
                .timeout(Duration.ofSeconds(2))
                .build();
        Readiness.await(slot.current(), name, timeout, () -> {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IOException(readinessUrl() + " answered " + status);
            }
            return true;
        });
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path jar() {
        return jar;
    }

    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return baseUrl() + "/actuator/health/readiness";
    }

    public String prometheusUrl() {
        return baseUrl() + "/actuator/prometheus";
    }

    public boolean isRunning() {
        return slot.isRunning();
    }

    public long pid() {
        return slot.pid();
    }

    /** SIGTERM lets Spring finish in-flight work; returns false if the service had to be killed. */
    public boolean stop() {
        return slot.stop(STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }
}
