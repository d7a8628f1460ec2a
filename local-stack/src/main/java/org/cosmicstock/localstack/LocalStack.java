package org.cosmicstock.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole suite on one machine: PostgreSQL, Kafka, optionally Redis and the schema registry, then
 * the service instances; stopped in reverse order. Its parts are handles for fault tests: each can be
 * stopped (or killed) and started again, and {@link #addInstance} starts one more service instance.
 */
public final class LocalStack implements AutoCloseable {
    /**
     * Generous: a service that exits is reported at once, so this bounds only a hang. On two cores
     * shared with other builds (load 20) a service was seen to need over 120 s.
     */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final StackConfig config;
    private final PrintStream out;
    private final RunningParts running;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile KafkaBroker kafka;
    private volatile Postgres postgres;
    private volatile RedisServer redis;
    private volatile ApicurioRegistry registry;

    public LocalStack(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.running = new RunningParts(out);
    }

    public static void main(String[] args) {
        Launcher.run(args);
    }

    /** What can be found wrong before anything starts: a taken port, a service not built, a missing tool. */
    public static Optional<String> preflight(StackConfig config) {
        return Preflight.problem(config);
    }

    /**
     * Starts PostgreSQL, Kafka, Redis and the registry when asked for, then each service instance, each
     * ready before the next; close() stops them in reverse. On failure the caller closes what did start.
     */
    public void start() throws IOException, SQLException, StartupException {
        StackParts parts = new StackParts(config, out, running);
        Progress progress = new Progress(
                out,
                2
                        + (config.options().redis() ? 1 : 0)
                        + (config.options().registry() ? 1 : 0)
                        + config.servicesToStart().size());
        try {
            postgres = parts.startPostgres(progress);
            kafka = parts.startKafka(progress);
            if (config.options().redis()) {
                redis = parts.startRedis(progress);
            }
            if (config.options().registry()) {
                registry = parts.startRegistry(progress);
            }
            for (ServiceSpec spec : config.servicesToStart()) {
                services.add(parts.startService(spec, progress));
            }
        } catch (IOException | SQLException | StartupException | RuntimeException e) {
            if (!running.isStopping()) {
                // A stop from Ctrl-C makes start-up fail too, but it reports what it stops itself.
                progress.failed();
            }
            throw e;
        }
    }

    /**
     * Starts one more instance of {@code service} (e.g. {@link ServiceSpec#ALLOCATION}) and waits until it
     * is ready. It listens {@link ServicePorts#INSTANCE_STRIDE} higher per instance when those ports are
     * free, on free ports otherwise; close() stops it with the rest.
     */
    public ServiceProcess addInstance(String service) throws IOException, StartupException {
        int number = instances(service).stream()
                        .mapToInt(instance -> instance.spec().instance())
                        .max()
                        .orElse(0)
                + 1;
        ServiceSpec spec = config.instance(service, number);
        if (!Ports.isFree(spec.port()) || !Ports.isFree(spec.managementPort())) {
            int[] free = Ports.freePorts(2);
            spec = spec.withInstance(
                    number,
                    spec.ports().separateManagement()
                            ? new ServicePorts(free[0], free[1])
                            : ServicePorts.sameForBoth(free[0]));
        }
        ServiceProcess instance = new StackParts(config, out, running).startService(spec, null);
        services.add(instance);
        return instance;
    }

    public StackConfig config() {
        return config;
    }

    public KafkaBroker kafka() {
        return require(kafka, "Kafka broker");
    }

    public Postgres postgres() {
        return require(postgres, "PostgreSQL");
    }

    /** The Redis that stock-view-service keeps its view in; only with {@link StackOptions#withRedis()}. */
    public RedisServer redis() {
        return require(redis, "Redis (StackOptions.withRedis(), --redis)");
    }

    /** The schema registry; only with {@link StackOptions#withRegistry()}. */
    public ApicurioRegistry registry() {
        return require(registry, "schema registry (StackOptions.withRegistry(), --registry)");
    }

    public Optional<RedisServer> redisIfRunning() {
        return Optional.ofNullable(redis);
    }

    public Optional<ApicurioRegistry> registryIfRunning() {
        return Optional.ofNullable(registry);
    }

    /** Every service instance started, in start order, also those stopped or killed since. */
    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The instances of one service, e.g. {@code instances(ServiceSpec.ALLOCATION)}, first one first. */
    public List<ServiceProcess> instances(String service) {
        return services.stream().filter(s -> s.name().equals(service)).toList();
    }

    /** Instance {@code n} (from 1) of {@code service}. */
    public ServiceProcess instance(String service, int n) {
        return instances(service).stream()
                .filter(s -> s.spec().instance() == n)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + n + " of " + service));
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

    private static <T> T require(T part, String what) {
        if (part == null) {
            throw new IllegalStateException("The " + what + " was not started");
        }
        return part;
    }
}
