package org.cosmicstock.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The whole suite on one machine: PostgreSQL, Kafka, then the services; stopped in reverse order. */
public final class LocalStack implements AutoCloseable {
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackConfig config;
    private final PrintStream out;
    private final RunningParts running;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private Postgres postgres;

    public LocalStack(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.running = new RunningParts(out);
    }

    public static void main(String[] args) {
        Launcher.run(args);
    }

    /** What can be found wrong before anything starts: a taken port, a service not built yet. */
    public static Optional<String> preflight(StackConfig config) {
        Optional<String> portProblem = Ports.problem(config.portClaims());
        if (portProblem.isPresent()) {
            return portProblem;
        }
        List<String> missing = config.servicesToStart().stream()
                .map(service -> service.jar(config.repoRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> "  " + jar)
                .toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of(String.format(
                        "These services are not built yet:%n%s%nBuild them with ./mvnw -DskipTests package,"
                                + " or start only Kafka and PostgreSQL with --infra-only.",
                        String.join(System.lineSeparator(), missing)));
    }

    /**
     * Starts PostgreSQL, Kafka, then each service, each ready before the next; close() stops them in
     * reverse. On failure the caller closes what did start.
     */
    public void start() throws IOException, SQLException, StartupException {
        Progress progress = new Progress(out, 2 + config.servicesToStart().size());
        try {
            startPostgres(progress);
            startKafka(progress);
            for (ServiceSpec spec : config.servicesToStart()) {
                startService(spec, progress);
            }
        } catch (IOException | SQLException | StartupException | RuntimeException e) {
            if (!running.isStopping()) {
                // A stop from Ctrl-C makes start-up fail too, but it reports what it stops itself.
                progress.failed();
            }
            throw e;
        }
    }

    private void startPostgres(Progress progress) throws IOException, SQLException, StartupException {
        postgres = new Postgres(config.postgresDir(), config.logDir().resolve("postgres.log"), config.postgresPort());
        running.register("PostgreSQL", postgres::stop, postgres::isRunning, postgres.logFile());
        progress.begin("PostgreSQL");
        if (postgres.needsInit()) {
            progress.note("creating the data directory");
        }
        postgres.start();
        List<String> created = postgres.createDatabases(config.databases());
        progress.done(created.isEmpty() ? "databases kept" : "created databases " + String.join(", ", created));
    }

    private void startKafka(Progress progress) throws IOException, StartupException {
        kafka = new KafkaBroker(
                config.kafkaDir(),
                config.logDir().resolve("kafka.log"),
                config.kafkaPort(),
                config.controllerPort(),
                JavaProcess.classpathOfThisJvm());
        running.register("Kafka broker", kafka::stop, kafka::isRunning, kafka.logFile());
        progress.begin("Kafka broker");
        if (kafka.needsFormat()) {
            progress.note("formatting storage");
        }
        kafka.start();
        progress.done("pid " + kafka.pid());
    }

    private void startService(ServiceSpec spec, Progress progress) throws IOException, StartupException {
        ServiceProcess service = ServiceProcess.of(
                spec, config.repoRoot(), config.logDir(), kafka.bootstrapServers(), config.postgresPort());
        running.register(spec.name(), service::stop, service::isRunning, service.logFile());
        services.add(service);
        progress.begin(spec.name());
        service.start();
        service.awaitReady(READY_TIMEOUT);
        progress.done("pid " + service.pid());
    }

    public StackConfig config() {
        return config;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public boolean isClosing() {
        return running.isStopping();
    }

    /** A part that stopped by itself since start-up, explained with the end of its log. */
    public Optional<String> unexpectedExit() {
        return running.unexpectedExit();
    }

    /** Stops what was started, newest first; safe to call from a shutdown hook while start() runs. */
    @Override
    public void close() {
        running.stopAll();
    }
}
