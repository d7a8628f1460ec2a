package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the launcher's flags into a {@link StackConfig}; accepts {@code --flag value} and {@code --flag=value}. */
final class CommandLine {

    static final String USAGE = """
            Usage: ./run-local [options]

            Starts a Kafka broker (KRaft), PostgreSQL and the three services on this machine, no Docker
            needed. Everything stops on Ctrl-C. Data and logs are kept in one directory between runs.

            Options:
              --infra-only             start only Kafka and PostgreSQL (run the services from your IDE)
              --clean                  wipe the data directory before starting
              --data-dir DIR           data and logs (default: .local-stack in the current directory)
              --repo-root DIR          where the service modules are built (default: current directory)
              --kafka-port PORT        Kafka bootstrap listener (default: 9092)
              --controller-port PORT   Kafka KRaft controller listener (default: 9093)
              --postgres-port PORT     PostgreSQL (default: 15432)
              --allocation-port PORT   allocation-service (default: 8081)
              --orders-port PORT       orders-service (default: 8082)
              --stock-view-port PORT   stock-view-service (default: 8083)
              --no-build               (run-local only) skip the Maven build, start what was built last
              -h, --help               show this help
            """;

    private CommandLine() {}

    static StackConfig parse(Path workingDir, String... args) throws UsageException {
        StackConfig defaults = StackConfig.defaults(workingDir);
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", defaults.kafkaPort());
        ports.put("--controller-port", defaults.controllerPort());
        ports.put("--postgres-port", defaults.postgresPort());
        ports.put("--allocation-port", defaults.allocationPort());
        ports.put("--orders-port", defaults.ordersPort());
        ports.put("--stock-view-port", defaults.stockViewPort());
        Path repoRoot = defaults.repoRoot();
        Path dataDir = defaults.dataDir();
        boolean infraOnly = false;
        boolean clean = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            boolean takesValue = ports.containsKey(flag) || flag.equals("--data-dir") || flag.equals("--repo-root");
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
                case "--infra-only" -> infraOnly = true;
                case "--clean" -> clean = true;
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
        return new StackConfig(
                repoRoot,
                dataDir,
                ports.get("--kafka-port"),
                ports.get("--controller-port"),
                ports.get("--postgres-port"),
                ports.get("--allocation-port"),
                ports.get("--orders-port"),
                ports.get("--stock-view-port"),
                infraOnly,
                clean);
    }

    private static String nonBlank(String flag, String value) throws UsageException {
        if (value.isBlank()) {
            throw UsageException.invalid(flag + " needs a value");
        }
        return value;
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
