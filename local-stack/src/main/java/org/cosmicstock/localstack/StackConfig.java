package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the local stack keeps its data and listens; from the command line or, in tests, free ports. */
public record StackConfig(
        Path repoRoot,
        Path dataDir,
        int kafkaPort,
        int controllerPort,
        int postgresPort,
        int allocationPort,
        int ordersPort,
        int stockViewPort,
        boolean infraOnly,
        boolean clean) {

    public static final String DEFAULT_DATA_DIR = ".local-stack";

    public StackConfig {
        // Children run elsewhere and messages should name real places, so paths are made absolute once.
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The documented defaults, with the repository and {@code .local-stack} in {@code workingDir}. */
    public static StackConfig defaults(Path workingDir) {
        return new StackConfig(
                workingDir, workingDir.resolve(DEFAULT_DATA_DIR), 9092, 9093, 15432, 8081, 8082, 8083, false, false);
    }

    /** Every port free at the time of the call, so that tests can run beside a developer's stack. */
    public static StackConfig withFreePorts(Path repoRoot, Path dataDir) {
        int[] ports = Ports.freePorts(6);
        return new StackConfig(
                repoRoot, dataDir, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], false, false);
    }

    public static StackConfig parse(Path workingDir, String... args) throws UsageException {
        return CommandLine.parse(workingDir, args);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The suite's services in start order: allocation first, as the other two react to its events. */
    public List<ServiceSpec> services() {
        return List.of(
                ServiceSpec.withDatabase("allocation-service", allocationPort, "allocation"),
                ServiceSpec.withDatabase("orders-service", ordersPort, "orders"),
                ServiceSpec.withoutDatabase("stock-view-service", stockViewPort));
    }

    /** The services this run starts: none with {@code --infra-only}. */
    public List<ServiceSpec> servicesToStart() {
        return infraOnly ? List.of() : services();
    }

    public List<String> databases() {
        return services().stream().flatMap(s -> s.database().stream()).toList();
    }

    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>(List.of(
                new PortClaim(kafkaPort, "the Kafka broker's client listener", "--kafka-port"),
                new PortClaim(controllerPort, "the Kafka controller listener", "--controller-port"),
                new PortClaim(postgresPort, "PostgreSQL", "--postgres-port")));
        if (!infraOnly) {
            claims.add(new PortClaim(allocationPort, "allocation-service", "--allocation-port"));
            claims.add(new PortClaim(ordersPort, "orders-service", "--orders-port"));
            claims.add(new PortClaim(stockViewPort, "stock-view-service", "--stock-view-port"));
        }
        return claims;
    }
}
