package org.cosmicstock.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Apicurio Registry (in-memory storage) on 127.0.0.1, run from its Quarkus distribution on a
 * Java 21+; its Confluent-compatible API is what the services' registry wire format talks to. Tests
 * start one with {@link #forTests}; the launcher with {@code --registry}.
 */
public final class ApicurioRegistry extends StackProcess {
    public static final String VERSION = "3.3.3";
    public static final int JAVA_NEEDED = 21;
    /** Fetches the distribution into local-stack/target/apicurio (from Maven Central, once). */
    public static final String FETCH_COMMAND = "./mvnw -pl local-stack dependency:copy@apicurio-registry";
    /** Set by failsafe (local-stack/pom.xml): where the tests find the distribution and unpack it. */
    static final String DISTRIBUTION_PROPERTY = "apicurio.distribution";

    static final String INSTALL_DIR_PROPERTY = "apicurio.install-dir";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path distribution;
    private final Path installDir;
    private final Path logFile;
    private final int port;
    private final int managementPort;
    private final Path javaHome;

    /**
     * {@code distribution} is the {@code apicurio-registry-app-3.3.3-all.tar.gz}, unpacked into {@code
     * installDir} on first start; {@code javaHome} must hold a Java 21 or newer.
     */
    public ApicurioRegistry(
            Path distribution, Path installDir, Path logFile, int port, int managementPort, Path javaHome) {
        super("The schema registry");
        this.distribution = distribution.toAbsolutePath();
        this.installDir = installDir.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
        this.managementPort = managementPort;
        this.javaHome = javaHome;
    }

    /** A registry on free ports, from the distribution the build fetched, on a Java 21+ of this machine. */
    public static ApicurioRegistry forTests(Path logFile) throws StartupException {
        Path distribution = Path.of(System.getProperty(
                DISTRIBUTION_PROPERTY, distribution(Path.of("..")).toString()));
        Path installDir = Path.of(System.getProperty(
                INSTALL_DIR_PROPERTY, distribution.resolveSibling("app").toString()));
        Path java = JavaRuntimes.find(JAVA_NEEDED)
                .orElseThrow(() -> new StartupException(JavaRuntimes.howToGet(JAVA_NEEDED, "Apicurio Registry")));
        int[] ports = Ports.freePorts(2);
        return new ApicurioRegistry(distribution, installDir, logFile, ports[0], ports[1], java);
    }

    /** Where the build puts the distribution in a checkout of this repository. */
    public static Path distribution(Path repoRoot) {
        return repoRoot.resolve("local-stack/target/apicurio/apicurio-registry-app-" + VERSION + "-all.tar.gz");
    }

    public static String confluentApiUrl(int port) {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** Why a registry could not start from {@code distribution} into {@code installDir}, said before anything starts. */
    static Optional<String> problem(Path distribution, Path installDir) {
        if (JavaRuntimes.find(JAVA_NEEDED).isEmpty()) {
            return Optional.of(
                    JavaRuntimes.howToGet(JAVA_NEEDED, "The schema registry (Apicurio Registry " + VERSION + ")"));
        }
        if (!isInstalled(installDir) && !Files.isRegularFile(distribution)) {
            return Optional.of(String.format(
                    "The schema registry's distribution is not fetched yet: %s is missing.%nFetch it (158 MB, once)"
                            + " with: %s",
                    distribution, FETCH_COMMAND));
        }
        return Optional.empty();
    }

    private static boolean isInstalled(Path installDir) {
        return Files.isRegularFile(installDir.resolve("quarkus-run.jar"));
    }

    /** The base address, e.g. http://127.0.0.1:8085. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The Confluent-compatible API, e.g. http://127.0.0.1:8085/apis/ccompat/v7. */
    public String confluentApiUrl() {
        return confluentApiUrl(port);
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/health/ready";
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** True before the first start from this install directory, when the distribution is unpacked. */
    public boolean needsUnpacking() {
        return !isInstalled(installDir);
    }

    /** Unpacks the distribution if needed, starts the registry and waits until its Confluent API answers. */
    public synchronized void start() throws IOException, StartupException {
        beginStart(logFile);
        if (needsUnpacking()) {
            Tarball.unpack(distribution, installDir, FETCH_COMMAND);
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                // Unused by the registry: it lets a later launcher recognise it as an orphan.
                "-Dlocal-stack.log=" + logFile,
                "-jar",
                installDir.resolve("quarkus-run.jar").toString()));
        ChildProcess registry = slot.start("Apicurio Registry " + VERSION, command, Map.of(), logFile);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Readiness.await(registry, "The schema registry on " + url(), READY_TIMEOUT, () -> {
            int status = client.send(subjects, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                throw new IOException(subjects.uri() + " answered " + status);
            }
            return true;
        });
    }

    /** SIGTERM or SIGKILL; a later start brings it back EMPTY: its storage is in memory. */
    @Override
    Duration stopGrace() {
        return STOP_GRACE;
    }
}
