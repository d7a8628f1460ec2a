package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the local stack keeps its data, where it listens and what it runs; from the command line or tests. */
public record StackConfig(Path repoRoot, Path dataDir, StackPorts ports, StackOptions options) {

    public static final String DEFAULT_DATA_DIR = ".local-stack";

    public StackConfig {
        // Children run elsewhere and messages should name real places, so paths are made absolute once.
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The documented defaults, with the repository and {@code .local-stack} in {@code workingDir}. */
    public static StackConfig defaults(Path workingDir) {
        return new StackConfig(
                workingDir, workingDir.resolve(DEFAULT_DATA_DIR), StackPorts.defaults(), StackOptions.defaults());
    }

    /**
     * Every port free at the time of the call, so that tests can run beside a developer's stack. Each
     * service's actuator stays on its HTTP port, where the end-to-end tests read it.
     */
    public static StackConfig withFreePorts(Path repoRoot, Path dataDir) {
        return withFreePorts(repoRoot, dataDir, false);
    }

    /** As {@link #withFreePorts(Path, Path)}; with {@code separateManagementPorts} as ./run-local runs them. */
    public static StackConfig withFreePorts(Path repoRoot, Path dataDir, boolean separateManagementPorts) {
        return new StackConfig(repoRoot, dataDir, StackPorts.free(separateManagementPorts), StackOptions.defaults());
    }

    public static StackConfig parse(Path workingDir, String... args) throws UsageException {
        return CommandLine.parse(workingDir, args);
    }

    public StackConfig with(StackOptions changed) {
        return new StackConfig(repoRoot, dataDir, ports, changed);
    }

    public int kafkaPort() {
        return ports.kafka();
    }

    public int controllerPort() {
        return ports.controller();
    }

    public int postgresPort() {
        return ports.postgres();
    }

    /** The first allocation-service instance's HTTP port. */
    public int allocationPort() {
        return ports.allocation().http();
    }

    public int ordersPort() {
        return ports.orders().http();
    }

    /** The first stock-view-service instance's HTTP port. */
    public int stockViewPort() {
        return ports.stockView().http();
    }

    public boolean infraOnly() {
        return options.infraOnly();
    }

    public boolean clean() {
        return options.clean();
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

    public Path redisDir() {
        return dataDir.resolve("redis");
    }

    public Path registryDir() {
        return dataDir.resolve("registry");
    }

    /** Where the registry's distribution is unpacked: once per version, kept between runs. */
    public Path registryInstallDir() {
        return registryDir().resolve("apicurio-registry-" + ApicurioRegistry.VERSION);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** The Redis that stock-view-service keeps its view in, when the stack runs one. */
    public Optional<String> redisUrl() {
        return options.redis() ? Optional.of(RedisServer.url(ports.redis())) : Optional.empty();
    }

    /** The registry's Confluent-compatible API, when the stack runs one. */
    public Optional<String> registryUrl() {
        return options.registry() ? Optional.of(ApicurioRegistry.confluentApiUrl(ports.registry())) : Optional.empty();
    }

    /** Every service instance in start order: allocation first, as the other two react to its events. */
    public List<ServiceSpec> services() {
        List<ServiceSpec> all = new ArrayList<>();
        for (int n = 1; n <= options.allocationInstances(); n++) {
            all.add(instance(ServiceSpec.ALLOCATION, n));
        }
        all.add(instance(ServiceSpec.ORDERS, 1));
        for (int n = 1; n <= options.stockViewInstances(); n++) {
            all.add(instance(ServiceSpec.STOCK_VIEW, n));
        }
        return all;
    }

    /** Instance {@code n} of a service, listening {@link ServicePorts#INSTANCE_STRIDE} × (n - 1) higher. */
    public ServiceSpec instance(String service, int n) {
        ServiceSpec first = switch (service) {
            case ServiceSpec.ALLOCATION ->
                new ServiceSpec(service, 1, ports.allocation(), Optional.of("allocation"), Map.of());
            case ServiceSpec.ORDERS -> new ServiceSpec(service, 1, ports.orders(), Optional.of("orders"), Map.of());
            case ServiceSpec.STOCK_VIEW ->
                new ServiceSpec(service, 1, ports.stockView(), Optional.empty(), Map.of())
                        .withSettings(redisUrl().map(StackConfig::redisView).orElse(Map.of()));
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
        ServiceSpec withRegistry = registryUrl()
                .map(url -> first.withSettings(Map.of("COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL", url)))
                .orElse(first)
                .withSettings(operator().environment());
        return withRegistry.withInstance(n, first.ports().instance(n));
    }

    /** The operator's credentials for this data directory (made on first use). */
    public OperatorCredentials operator() {
        return OperatorCredentials.of(dataDir());
    }

    private static Map<String, String> redisView(String url) {
        return Map.of("COSMICSTOCK_STOCKVIEW_CACHE", "redis", "COSMICSTOCK_STOCKVIEW_REDIS_URL", url);
    }

    /** The service instances this run starts: none with {@code --infra-only}. */
    public List<ServiceSpec> servicesToStart() {
        return options.infraOnly() ? List.of() : services();
    }

    public List<String> databases() {
        return Stream.of(ServiceSpec.ALLOCATION, ServiceSpec.ORDERS, ServiceSpec.STOCK_VIEW)
                .flatMap(service -> instance(service, 1).database().stream())
                .toList();
    }

    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>(List.of(
                new PortClaim(ports.kafka(), "the Kafka broker's client listener", "--kafka-port"),
                new PortClaim(ports.controller(), "the Kafka controller listener", "--controller-port"),
                new PortClaim(ports.postgres(), "PostgreSQL", "--postgres-port")));
        if (options.redis()) {
            claims.add(new PortClaim(ports.redis(), "Redis", "--redis-port"));
        }
        if (options.registry()) {
            claims.add(new PortClaim(ports.registry(), "the schema registry", "--registry-port"));
            claims.add(new PortClaim(
                    ports.registryManagement(), "the schema registry's management", "--registry-management-port"));
        }
        for (ServiceSpec service : servicesToStart()) {
            String flag = "--" + service.name().replace("-service", "") + "-port";
            String moved = service.instance() == 1
                    ? flag
                    : flag + " (instance " + service.instance() + " adds "
                            + ServicePorts.INSTANCE_STRIDE * (service.instance() - 1) + ")";
            claims.add(new PortClaim(service.port(), service.label(), moved));
            if (service.ports().separateManagement()) {
                String managementFlag = flag.replace("-port", "-management-port");
                claims.add(new PortClaim(
                        service.managementPort(),
                        service.label() + "'s management (actuator)",
                        service.instance() == 1 ? managementFlag : managementFlag + " (likewise)"));
            }
        }
        return claims;
    }
}
