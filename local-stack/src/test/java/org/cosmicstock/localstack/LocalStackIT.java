package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        StackConfig config = readyToStart(StackConfig.withFreePorts(dir.resolve("repo"), dir.resolve("data")));

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
                    .contains("durable: fsync, synchronous_commit on")
                    .contains("http://127.0.0.1:" + config.ordersPort() + "/actuator/prometheus")
                    .contains("logs/stock-view-service.log")
                    .containsPattern("ready in [0-9.]+ s \\([0-9.]+ s of CPU\\), [0-9]+ MB resident, pid [0-9]+")
                    .contains("Ctrl-C to stop.");
            assertThat(StackStatus.render(stack, java.time.Duration.ofSeconds(75)))
                    .contains("up 1m15s")
                    .containsPattern("Kafka broker +running +" + stack.kafka().pid() + " +[0-9]+ MB")
                    .containsPattern("stock-view-service +running");
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
                .contains("[4/5] orders-service        FAILED")
                .containsSubsequence("Stopping the local stack...", "allocation-service", "Kafka broker", "PostgreSQL");
        assertThat(stack.postgres().isRunning()).isFalse();
        assertThat(stack.kafka().isRunning()).isFalse();
        assertThat(Orphans.under(dir)).isEmpty();
    }

    @Test
    void infraOnlyStartsKafkaAndPostgresAndSaysHowToPointAServiceAtThem() throws Exception {
        StackConfig config = StackConfig.withFreePorts(dir.resolve("no-services-built"), dir.resolve("data"))
                .with(StackOptions.defaults().withInfraOnly());
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

    @Test
    void replicasRunSideBySideWithTheirViewInOneRedisAndEachInstanceIsAHandle() throws Exception {
        StackConfig config = readyToStart(StackConfig.withFreePorts(dir.resolve("repo"), dir.resolve("data"), true)
                .with(StackOptions.defaults().withInstances(2, 2).withRedis()));

        try (LocalStack stack = new LocalStack(config, out)) {
            stack.start();

            assertThat(printed())
                    .containsSubsequence(
                            "[1/8] PostgreSQL",
                            "[2/8] Kafka broker",
                            "[3/8] Redis",
                            "[4/8] allocation-service ",
                            "[5/8] allocation-service#2",
                            "[6/8] orders-service",
                            "[7/8] stock-view-service ",
                            "[8/8] stock-view-service#2");
            String redisUrl = "redis://127.0.0.1:" + config.ports().redis();
            for (String log : List.of("stock-view-service.log", "stock-view-service-2.log")) {
                assertThat(config.logDir().resolve(log))
                        .content()
                        .contains("COSMICSTOCK_STOCKVIEW_CACHE=redis")
                        .contains("COSMICSTOCK_STOCKVIEW_REDIS_URL=" + redisUrl);
            }
            ServiceProcess second = stack.instance(ServiceSpec.ALLOCATION, 2);
            assertThat(second.port()).isEqualTo(config.allocationPort() + 100);
            assertThat(config.logDir().resolve("allocation-service-2.log"))
                    .content()
                    .contains("SERVER_PORT=" + second.port())
                    .contains("MANAGEMENT_SERVER_PORT=" + second.managementPort())
                    .contains("jvm options=[" + String.join(", ", StackOptions.DEFAULT_SERVICE_JAVA_OPTIONS) + ", -D");
            assertThat(StackSummary.render(stack))
                    .contains(redisUrl)
                    .contains("logs/redis.log")
                    .contains("allocation-service#2", second.baseUrl(), second.readinessUrl())
                    .contains("stock-view-service#2", "logs/stock-view-service-2.log")
                    .contains("http://127.0.0.1:" + config.ports().allocation().management() + "/actuator/prometheus");

            // The handles a fault test uses: one more instance, the first stopped, the second killed and back.
            ServiceProcess third = stack.addInstance(ServiceSpec.ALLOCATION);
            stack.instance(ServiceSpec.ALLOCATION, 1).stop();
            second.kill();
            assertThat(stack.unexpectedExit())
                    .as("stopped and killed on purpose")
                    .isEmpty();
            second.start();
            second.awaitReady(LocalStack.READY_TIMEOUT);

            assertThat(third.label()).isEqualTo("allocation-service#3");
            assertThat(stack.instances(ServiceSpec.ALLOCATION))
                    .extracting(ServiceProcess::isRunning)
                    .containsExactly(false, true, true);
            assertThat(printed()).contains("[+] allocation-service#3");
            assertThat(stack.redis().isRunning()).isTrue();
        }

        assertThat(printed())
                .containsSubsequence(
                        "Stopping the local stack...",
                        "allocation-service#3",
                        "stock-view-service#2",
                        "stock-view-service",
                        "orders-service",
                        "allocation-service#2",
                        "allocation-service",
                        "Redis",
                        "Kafka broker",
                        "PostgreSQL",
                        "Everything stopped.");
        assertThat(Orphans.under(dir)).isEmpty();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** {@code config} with a fake jar for every service under {@code dir/repo}: preflight finds nothing missing. */
    private StackConfig readyToStart(StackConfig config) throws Exception {
        FakeJar.forEveryService(dir.resolve("repo"), config);
        assertThat(LocalStack.preflight(config)).isEmpty();
        return config;
    }
}
