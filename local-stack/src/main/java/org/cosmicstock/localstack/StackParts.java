package org.cosmicstock.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.cosmicstock.schemas.tools.RegisterSchemas;

/**
 * Starts each part of the local stack with its progress line, registering it first so that a stop
 * arriving mid-start (Ctrl-C) still finds it.
 */
record StackParts(StackConfig config, PrintStream out, RunningParts running) {

    Postgres startPostgres(Progress progress) throws IOException, SQLException, StartupException {
        boolean durable = !config.options().fastDb();
        Postgres postgres = new Postgres(
                config.postgresDir(), config.logDir().resolve("postgres.log"), config.postgresPort(), durable);
        running.register(
                "PostgreSQL",
                () -> {
                    postgres.close();
                    return true;
                },
                postgres::exitedUnexpectedly,
                postgres.logFile());
        if (!durable) {
            out.println("Warning (--fast-db): " + Postgres.FAST_RISK);
        }
        progress.begin("PostgreSQL");
        if (postgres.needsInit()) {
            progress.note("creating the data directory");
        }
        postgres.start();
        List<String> created = postgres.createDatabases(config.databases());
        progress.done((created.isEmpty() ? "databases kept" : "created databases " + String.join(", ", created))
                + (durable ? ", durable (fsync on)" : ", NOT durable (--fast-db)"));
        return postgres;
    }

    KafkaBroker startKafka(Progress progress) throws IOException, StartupException {
        KafkaBroker kafka = new KafkaBroker(
                config.kafkaDir(),
                config.logDir().resolve("kafka.log"),
                config.kafkaPort(),
                config.controllerPort(),
                ChildProcess.classpathOfThisJvm());
        running.register("Kafka broker", kafka::shutDown, kafka::exitedUnexpectedly, kafka.logFile());
        progress.begin("Kafka broker");
        if (kafka.needsFormat()) {
            progress.note("formatting storage");
        }
        kafka.start();
        progress.done("pid " + kafka.pid());
        return kafka;
    }

    RedisServer startRedis(Progress progress) throws IOException, StartupException {
        RedisServer redis = new RedisServer(
                config.redisDir(),
                config.logDir().resolve("redis.log"),
                config.ports().redis());
        running.register("Redis", redis::shutDown, redis::exitedUnexpectedly, redis.logFile());
        progress.begin("Redis");
        redis.start();
        progress.done("pid " + redis.pid() + ", empty (nothing kept on disk)");
        return redis;
    }

    ApicurioRegistry startRegistry(Progress progress) throws IOException, StartupException {
        ApicurioRegistry registry = new ApicurioRegistry(
                ApicurioRegistry.distribution(config.repoRoot()),
                config.registryInstallDir(),
                config.logDir().resolve("registry.log"),
                config.ports().registry(),
                config.ports().registryManagement(),
                JavaRuntimes.find(ApicurioRegistry.JAVA_NEEDED)
                        .orElseThrow(() -> new StartupException(
                                JavaRuntimes.howToGet(ApicurioRegistry.JAVA_NEEDED, "The schema registry"))));
        running.register("Schema registry", registry::shutDown, registry::exitedUnexpectedly, registry.logFile());
        progress.begin("Schema registry");
        if (registry.needsUnpacking()) {
            progress.note("unpacking Apicurio Registry " + ApicurioRegistry.VERSION);
        }
        registry.start();
        registerSchemas(registry);
        progress.done("pid " + registry.pid() + ", in-memory storage, every released schema registered");
        return registry;
    }

    /** Starts an instance and waits until it is ready; {@code progress} null for one added later. */
    ServiceProcess startService(ServiceSpec spec, Progress progress) throws IOException, StartupException {
        Progress line = progress == null ? new Progress(out, 0) : progress;
        ServiceProcess service = ServiceProcess.of(spec, config);
        running.register(spec.label(), service::shutDown, service::exitedUnexpectedly, service.logFile());
        line.begin(spec.label());
        service.start();
        service.awaitReady(LocalStack.READY_TIMEOUT);
        line.done("pid " + service.pid());
        return service;
    }

    /**
     * Registers every released schema version, oldest first, with the compatibility the build checks,
     * as a delivery does before the services start (they verify that what they write is registered).
     */
    private static void registerSchemas(ApicurioRegistry registry) throws StartupException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exit = RegisterSchemas.run(
                new String[] {"--registry-url", registry.confluentApiUrl()}, Map.of(), print, print);
        if (exit != 0) {
            throw new StartupException("Registering the schemas in " + registry.confluentApiUrl() + " failed (exit "
                    + exit + "):" + System.lineSeparator() + output.toString(StandardCharsets.UTF_8));
        }
    }
}
