package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the launcher's flags into a {@link StackConfig}; accepts {@code --flag value} and {@code --flag=value}. */
final class CommandLine {
    private static final Set<String> COUNTS = Set.of("--replicas", "--allocation-instances", "--stock-view-instances");
    private static final Set<String> TEXTS = Set.of("--data-dir", "--repo-root", "--service-java-opts");

    private CommandLine() {}

    static StackConfig parse(Path workingDir, String... args) throws UsageException {
        StackConfig defaults = StackConfig.defaults(workingDir);
        Map<String, Integer> ports = defaultPorts(defaults.ports());
        Path repoRoot = defaults.repoRoot();
        Path dataDir = defaults.dataDir();
        StackOptions options = defaults.options();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            boolean takesValue = ports.containsKey(flag) || COUNTS.contains(flag) || TEXTS.contains(flag);
            if (takesValue && value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw UsageException.invalid(flag + " needs a value");
                }
                value = args[++i];
            } else if (!takesValue && value != null) {
                throw UsageException.invalid(flag + " takes no value");
            }
            switch (flag) {
                case "-h", "--help" -> throw UsageException.help();
                case "--infra-only" -> options = options.withInfraOnly();
                case "--clean" -> options = options.withClean();
                case "--fast-db" -> options = options.withFastDb();
                case "--no-cds" -> options = options.withoutClassDataSharing();
                case "--redis" -> options = options.withRedis();
                case "--registry" -> options = options.withRegistry();
                case "--replicas" -> options = options.withInstances(count(flag, value), count(flag, value));
                case "--allocation-instances" ->
                    options = options.withInstances(count(flag, value), options.stockViewInstances());
                case "--stock-view-instances" ->
                    options = options.withInstances(options.allocationInstances(), count(flag, value));
                case "--service-java-opts" -> options = options.withServiceJavaOptions(javaOptions(value));
                case "--data-dir" -> dataDir = workingDir.resolve(nonBlank(flag, value));
                case "--repo-root" -> repoRoot = workingDir.resolve(nonBlank(flag, value));
                default -> {
                    if (!ports.containsKey(flag)) {
                        throw UsageException.invalid("unknown option " + flag);
                    }
                    ports.put(flag, port(flag, value));
                }
            }
        }
        StackConfig config = new StackConfig(repoRoot, dataDir, ports(ports), options);
        requireInstancePortsInRange(config);
        return config;
    }

    private static Map<String, Integer> defaultPorts(StackPorts defaults) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", defaults.kafka());
        ports.put("--controller-port", defaults.controller());
        ports.put("--postgres-port", defaults.postgres());
        ports.put("--allocation-port", defaults.allocation().http());
        ports.put("--allocation-management-port", defaults.allocation().management());
        ports.put("--orders-port", defaults.orders().http());
        ports.put("--orders-management-port", defaults.orders().management());
        ports.put("--stock-view-port", defaults.stockView().http());
        ports.put("--stock-view-management-port", defaults.stockView().management());
        ports.put("--redis-port", defaults.redis());
        ports.put("--registry-port", defaults.registry());
        ports.put("--registry-management-port", defaults.registryManagement());
        return ports;
    }

    private static StackPorts ports(Map<String, Integer> ports) {
        return new StackPorts(
                ports.get("--kafka-port"),
                ports.get("--controller-port"),
                ports.get("--postgres-port"),
                new ServicePorts(ports.get("--allocation-port"), ports.get("--allocation-management-port")),
                new ServicePorts(ports.get("--orders-port"), ports.get("--orders-management-port")),
                new ServicePorts(ports.get("--stock-view-port"), ports.get("--stock-view-management-port")),
                ports.get("--redis-port"),
                ports.get("--registry-port"),
                ports.get("--registry-management-port"));
    }

    private static void requireInstancePortsInRange(StackConfig config) throws UsageException {
        for (ServiceSpec service : config.services()) {
            if (service.ports().http() > 65535 || service.ports().management() > 65535) {
                throw UsageException.invalid(String.format(
                        "%s would listen on port %d or %d, beyond 65535: each further instance adds %d;"
                                + " choose lower ports or fewer instances",
                        service.label(),
                        service.ports().http(),
                        service.ports().management(),
                        ServicePorts.INSTANCE_STRIDE));
            }
        }
    }

    private static List<String> javaOptions(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    private static String nonBlank(String flag, String value) throws UsageException {
        if (value.isBlank()) {
            throw UsageException.invalid(flag + " needs a value");
        }
        return value;
    }

    private static int count(String flag, String value) throws UsageException {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= StackOptions.MAX_INSTANCES) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the flag's name
        }
        throw UsageException.invalid(
                flag + " must be a number from 1 to " + StackOptions.MAX_INSTANCES + ", not '" + value + "'");
    }

    private static int port(String flag, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the flag's name
        }
        throw UsageException.invalid(flag + " must be a port number from 1 to 65535, not '" + value + "'");
    }
}
