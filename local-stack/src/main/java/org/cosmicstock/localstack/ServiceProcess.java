package org.cosmicstock.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of one of the suite's Spring Boot services, run from its executable jar as a child JVM.
 * Fault tests may {@link #kill()} it and {@link #start()} it again on the same ports.
 */
public final class ServiceProcess extends StackProcess {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Writing a class-data archive at exit took 16 to over 20 s on two busy cores; it is done once per build. */
    private static final Duration STOP_GRACE_WRITING_ARCHIVE = Duration.ofSeconds(90);

    private final ServiceSpec spec;
    private final Path jar;
    private final List<String> javaOptions;
    private final Map<String, String> environment;
    private final Path logFile;
    /** Null when the jar is run as built ({@code --no-cds}). */
    private final ClassDataCache classData;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private String token;
    private volatile boolean writingArchive;
    /** Where the actuator answered: the management port, or the HTTP port for a build that ignores it. */
    private volatile int actuatorPort;

    private volatile long startedAt;
    private volatile Duration readyAfter;
    private volatile Duration cpuUntilReady;

    /** Runs the jar as built. */
    public ServiceProcess(
            ServiceSpec spec, Path jar, List<String> javaOptions, Map<String, String> environment, Path logFile) {
        this(spec, jar, javaOptions, environment, logFile, false);
    }

    /** With {@code classDataSharing}, from the extracted jar with a class-data archive (see {@link ClassDataCache}). */
    public ServiceProcess(
            ServiceSpec spec,
            Path jar,
            List<String> javaOptions,
            Map<String, String> environment,
            Path logFile,
            boolean classDataSharing) {
        super(spec.label());
        this.spec = spec;
        this.jar = jar.toAbsolutePath();
        this.javaOptions = List.copyOf(javaOptions);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile.toAbsolutePath();
        this.actuatorPort = spec.managementPort();
        this.classData = classDataSharing ? new ClassDataCache(this.jar) : null;
    }

    /** The instance as the local stack runs it: built in the repository, logging to {@code logs/<label>.log}. */
    public static ServiceProcess of(ServiceSpec spec, StackConfig config) {
        return of(
                spec,
                config.repoRoot(),
                config.logDir(),
                config.bootstrapServers(),
                config.postgresPort(),
                config.options().serviceJavaOptions(),
                config.options().classDataSharing());
    }

    public static ServiceProcess of(
            ServiceSpec spec,
            Path repoRoot,
            Path logDir,
            String bootstrapServers,
            int postgresPort,
            List<String> javaOptions,
            boolean classDataSharing) {
        return new ServiceProcess(
                spec,
                spec.jar(repoRoot),
                javaOptions,
                spec.environment(bootstrapServers, postgresPort),
                logDir.resolve(spec.logFileName()),
                classDataSharing);
    }

    /** Starts the JVM without waiting for it (see {@link #awaitReady}); again after a stop or kill, same ports. */
    public synchronized void start() throws IOException, StartupException {
        if (!Files.isRegularFile(jar)) {
            throw new StartupException(String.format(
                    "%s is not built: %s is missing. Build it with ./mvnw -DskipTests package", spec.name(), jar));
        }
        beginStart(logFile);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        // Unused by the service: it lets a later launcher recognise it as an orphan.
        command.add("-Dlocal-stack.log=" + logFile);
        token = Long.toString(ProcessHandle.current().pid()) + "-" + System.nanoTime();
        List<String> launch = classData == null
                ? List.of("-jar", jar.toString())
                // Only the first instance writes an archive: one file, one writer.
                : classData.launchArguments(spec.instance() == 1, token, this::note);
        writingArchive = launch.stream().anyMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit"));
        command.addAll(launch);
        actuatorPort = spec.managementPort();
        readyAfter = null;
        cpuUntilReady = null;
        startedAt = System.nanoTime();
        slot.start(label(), command, environment, logFile);
    }

    /**
     * Waits until the readiness probe answers 200: the service has its database, topics and listeners.
     * Asks the management port; if nothing listens there but the HTTP port's actuator answers, the
     * service is a build that ignores MANAGEMENT_SERVER_PORT, and its actuator URLs say so from then on.
     */
    public void awaitReady(Duration timeout) throws StartupException {
        Readiness.await(slot.current(), label(), timeout, () -> {
            try {
                requireUp(spec.managementPort());
                actuatorPort = spec.managementPort();
            } catch (ConnectException nothingOnManagementPort) {
                if (!spec.ports().separateManagement()) {
                    throw nothingOnManagementPort;
                }
                requireUp(spec.port());
                actuatorPort = spec.port();
            }
            readyAfter = Duration.ofNanos(System.nanoTime() - startedAt);
            cpuUntilReady = CpuTime.of(slot.pid()).orElse(null);
            return true;
        });
    }

    private void requireUp(int port) throws IOException, InterruptedException {
        URI readiness = URI.create(actuatorUrl(port) + "/health/readiness");
        int status = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
            throw new IOException(readiness + " answered " + status);
        }
    }

    /** The service's module name, e.g. allocation-service. */
    public String name() {
        return spec.name();
    }

    /** allocation-service, allocation-service#2, ... */
    public String label() {
        return spec.label();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int port() {
        return spec.port();
    }

    public int managementPort() {
        return spec.managementPort();
    }

    public Path jar() {
        return jar;
    }

    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + spec.port();
    }

    /** The actuator's base, on the port it answered on (before readiness: the management port). */
    public String actuatorUrl() {
        return actuatorUrl(actuatorPort);
    }

    private static String actuatorUrl(int port) {
        return "http://127.0.0.1:" + port + "/actuator";
    }

    public String readinessUrl() {
        return actuatorUrl() + "/health/readiness";
    }

    public String prometheusUrl() {
        return actuatorUrl() + "/prometheus";
    }

    /** From the JVM's start to the first 200 of its readiness probe, for the last start. */
    public Optional<Duration> readyAfter() {
        return Optional.ofNullable(readyAfter);
    }

    /** The CPU time the JVM had used when it first answered ready, for the last start. */
    public Optional<Duration> cpuUntilReady() {
        return Optional.ofNullable(cpuUntilReady);
    }

    /** SIGTERM lets Spring finish in-flight work; SIGKILL (a crash) runs no shutdown hook. */
    @Override
    Duration stopGrace() {
        return writingArchive ? STOP_GRACE_WRITING_ARCHIVE : STOP_GRACE;
    }

    @Override
    synchronized boolean afterExit(boolean graceful) {
        if (classData != null && token != null) {
            classData.archiveWritten(token, graceful);
        }
        return graceful;
    }

    private void note(String line) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    "---- " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // a note only
        }
    }
}
