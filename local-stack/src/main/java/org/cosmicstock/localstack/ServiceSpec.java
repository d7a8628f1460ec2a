package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One instance of one of the suite's services as the local stack runs it: its module name, instance
 * number, ports, database, and the settings it gets besides those (registry, Redis).
 */
public record ServiceSpec(
        String name, int instance, ServicePorts ports, Optional<String> database, Map<String, String> settings) {
    public static final String ALLOCATION = "allocation-service";
    public static final String ORDERS = "orders-service";
    public static final String STOCK_VIEW = "stock-view-service";

    public ServiceSpec {
        if (instance < 1) {
            throw new IllegalArgumentException("instances are numbered from 1, not " + instance);
        }
        settings = Map.copyOf(settings);
    }

    public static ServiceSpec withDatabase(String name, int port, String database) {
        return new ServiceSpec(name, 1, ServicePorts.sameForBoth(port), Optional.of(database), Map.of());
    }

    public static ServiceSpec withoutDatabase(String name, int port) {
        return new ServiceSpec(name, 1, ServicePorts.sameForBoth(port), Optional.empty(), Map.of());
    }

    /** "allocation-service" for the first instance, "allocation-service#2" for the second. */
    public String label() {
        return instance == 1 ? name : name + "#" + instance;
    }

    /** "allocation-service.log", "allocation-service-2.log": no '#' in file names, shells treat it specially. */
    public String logFileName() {
        return (instance == 1 ? name : name + "-" + instance) + ".log";
    }

    public int port() {
        return ports.http();
    }

    public int managementPort() {
        return ports.management();
    }

    public ServiceSpec withInstance(int number, ServicePorts instancePorts) {
        return new ServiceSpec(name, number, instancePorts, database, settings);
    }

    public ServiceSpec withSettings(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(more);
        return new ServiceSpec(name, instance, ports, database, all);
    }

    /** The runnable jar the service's module builds (its finalName plus the {@code exec} classifier). */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-exec.jar");
    }

    /** Services are configured only through the environment, as they would be in a container. */
    public Map<String, String> environment(String bootstrapServers, int postgresPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(ports.http()));
        // Always given, also when equal to SERVER_PORT: it then overrides a separate port that the
        // service's own application.yml may set, and the actuator stays where the launcher looks.
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.management()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        database.ifPresent(db -> {
            environment.put("SPRING_DATASOURCE_URL", Postgres.jdbcUrl(postgresPort, db));
            environment.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
        });
        new TreeMap<>(settings).forEach(environment::put);
        return environment;
    }
}
