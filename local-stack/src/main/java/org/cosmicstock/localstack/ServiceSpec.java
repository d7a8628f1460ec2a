package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One of the suite's services as the local stack runs it: its module name, port and database. */
public record ServiceSpec(String name, int port, Optional<String> database) {

    public static ServiceSpec withDatabase(String name, int port, String database) {
        return new ServiceSpec(name, port, Optional.of(database));
    }

    public static ServiceSpec withoutDatabase(String name, int port) {
        return new ServiceSpec(name, port, Optional.empty());
    }

    /** The runnable jar the service's module builds (its finalName plus the {@code exec} classifier). */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-exec.jar");
    }

    /** Services are configured only through the environment, as they would be in a container. */
    public Map<String, String> environment(String bootstrapServers, int postgresPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        database.ifPresent(db -> {
            environment.put("SPRING_DATASOURCE_URL", Postgres.jdbcUrl(postgresPort, db));
            environment.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
        });
        return environment;
    }
}
