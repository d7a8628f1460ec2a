package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's orchestration with the real Kafka and PostgreSQL and fake service jars. */
@Timeout(180)
class LocalStackIT {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void startsEverythingInOrderAndStopsItInReverse() throws Exception {
        Path repoRoot = dir.resolve("repo");
        StackConfig config = StackConfig.withFreePorts(repoRoot, dir.resolve("data"));
        FakeJar.forEveryService(repoRoot, config);
        assertThat(LocalStack.preflight(config)).isEmpty();

        try (LocalStack stack = new LocalStack(config, out)) {
            stack.start();

            assertThat(printed())
                    .containsSubsequence(
                            "[1/5] PostgreSQL",
                            "creating the data directory",
                            "created databases allocation, orders",
                            "[2/5] Kafka broker",
                            "formatting storage",
                            "started in",
                            "[3/5] allocation-service",
                            "[4/5] orders-service",
                            "[5/5] stock-view-service");
            assertThat(config.logDir().resolve("allocation-service.log"))
                    .content()
                    .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:" + config.postgresPort()
                            + "/allocation")
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + config.kafkaPort());
            assertThat(config.logDir().resolve("stock-view-service.log"))
                    .content()
                    .contains("SPRING_DATASOURCE_URL unset");
            assertThat(StackSummary.render(stack))
                    .contains("127.0.0.1:" + config.kafkaPort())
                    .contains("jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/orders")
                    .contains("http://127.0.0.1:" + config.ordersPort() + "/actuator/prometheus")
                    .contains("logs/stock-view-service.log")
                    .contains("Press Ctrl-C to stop.");
            assertThat(stack.unexpectedExit()).isEmpty();
        }

        assertThat(printed())
                .containsSubsequence(
                        "Stopping the local stack...",
                        "stock-view-service",
                        "orders-service",
                        "allocation-service",
                        "Kafka broker",
                        "PostgreSQL",
                        "Everything stopped.");
        assertThat(Orphans.under(dir)).isEmpty();
    }

    @Test
    void aServiceThatFailsStopsWhatDidStart() throws Exception {
        Path repoRoot = dir.resolve("repo");
        StackConfig config = StackConfig.withFreePorts(repoRoot, dir.resolve("data"));
        FakeJar.forEveryService(repoRoot, config);
        Files.delete(config.services().get(1).jar(repoRoot));

        assertThat(LocalStack.preflight(config))
                .hasValueSatisfying(problem ->
                        assertThat(problem).contains("orders-service-exec.jar").contains("--infra-only"));
        LocalStack stack = new LocalStack(config, out);
        assertThatThrownBy(stack::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("orders-service is not built");
        stack.close();

        assertThat(printed())
                .contains("[4/5] orders-service      FAILED")
                .containsSubsequence("Stopping the local stack...", "allocation-service", "Kafka broker", "PostgreSQL");
        assertThat(stack.postgres().isRunning()).isFalse();
        assertThat(stack.kafka().isRunning()).isFalse();
        assertThat(Orphans.under(dir)).isEmpty();
    }

    @Test
    void infraOnlyStartsKafkaAndPostgresAndSaysHowToPointAServiceAtThem() throws Exception {
        StackConfig free = StackConfig.withFreePorts(dir.resolve("no-services-built"), dir.resolve("data"));
        StackConfig config = new StackConfig(
                free.repoRoot(),
                free.dataDir(),
                free.kafkaPort(),
                free.controllerPort(),
                free.postgresPort(),
                free.allocationPort(),
                free.ordersPort(),
                free.stockViewPort(),
                true,
                false);
        assertThat(LocalStack.preflight(config)).isEmpty();

        try (LocalStack stack = new LocalStack(config, out)) {
            stack.start();

            assertThat(printed())
                    .contains("[1/2] PostgreSQL", "[2/2] Kafka broker")
                    .doesNotContain("[3/");
            assertThat(stack.services()).isEmpty();
            assertThat(StackSummary.render(stack))
                    .contains("Services not started (--infra-only)")
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + config.kafkaPort())
                    .containsPattern("jdbc:postgresql://127.0.0.1:" + config.postgresPort()
                            + "/allocation +for allocation-service")
                    .containsPattern(
                            "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/orders +for orders-service");
        }
        assertThat(Orphans.under(dir)).isEmpty();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
