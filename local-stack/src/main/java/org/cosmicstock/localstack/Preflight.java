package org.cosmicstock.localstack;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** What can be found wrong before anything starts, while the message can still be clear and nothing is half up. */
final class Preflight {

    private Preflight() {}

    static Optional<String> problem(StackConfig config) {
        Optional<String> portProblem = Ports.problem(config.portClaims());
        if (portProblem.isPresent()) {
            return portProblem;
        }
        List<String> missing = config.servicesToStart().stream()
                .map(service -> service.jar(config.repoRoot()))
                .distinct()
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> "  " + jar)
                .toList();
        if (!missing.isEmpty()) {
            return Optional.of(String.format(
                    "These services are not built yet:%n%s%nBuild them with ./mvnw -DskipTests package,"
                            + " or start only Kafka and PostgreSQL with --infra-only.",
                    String.join(System.lineSeparator(), missing)));
        }
        if (config.options().redis() && RedisServer.executable().isEmpty()) {
            return Optional.of(
                    "--redis needs redis-server on the PATH, and there is none. " + RedisServer.HOW_TO_INSTALL);
        }
        if (config.options().registry()) {
            return ApicurioRegistry.problem(
                    ApicurioRegistry.distribution(config.repoRoot()), config.registryInstallDir());
        }
        return Optional.empty();
    }
}
