package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ServiceProcess against a fake service jar: settings, readiness on the management port, kill and restart. */
@Timeout(90)
class ServiceProcessIT {
    private static final Duration READY = Duration.ofSeconds(30);

    @TempDir
    Path repoRoot;

    @Test
    void startsTheJarWithItsSettingsAndJvmOptionsAndWaitsForReadinessOnTheManagementPort() throws Exception {
        int[] ports = Ports.freePorts(2);
        ServiceSpec spec = new ServiceSpec(
                ServiceSpec.ORDERS, 1, new ServicePorts(ports[0], ports[1]), Optional.of("orders"), Map.of());
        FakeJar.write(spec.jar(repoRoot), FakeService.class);
        try (ServiceProcess orders = ServiceProcess.of(
                spec, repoRoot, repoRoot.resolve("logs"), "127.0.0.1:9", 5, List.of("-Xmx96m", "-Xss512k"), true)) {
            orders.start();
            orders.awaitReady(READY);

            assertThat(orders.readinessUrl()).isEqualTo("http://127.0.0.1:" + ports[1] + "/actuator/health/readiness");
            assertThat(orders.prometheusUrl()).isEqualTo("http://127.0.0.1:" + ports[1] + "/actuator/prometheus");
            assertThat(get(orders.readinessUrl()).body()).contains("UP");
            assertThat(orders.readyAfter())
                    .hasValueSatisfying(after -> assertThat(after).isPositive());
            assertThat(orders.residentBytes()).isPresent();
            assertThat(orders.logFile()).isEqualTo(repoRoot.resolve("logs/orders-service.log"));
            assertThat(Files.readString(orders.logFile()))
                    .contains("SERVER_PORT=" + ports[0])
                    .contains("MANAGEMENT_SERVER_PORT=" + ports[1])
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9")
                    .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5/orders")
                    .contains("SPRING_DATASOURCE_USERNAME=postgres")
                    .contains("SPRING_DATASOURCE_PASSWORD=\n")
                    .containsPattern("jvm options=\\[-Xmx96m, -Xss512k, -Dlocal-stack.log=");

            assertThat(orders.stop()).isTrue();
            assertThat(orders.isRunning()).isFalse();
            assertThat(orders.exitedUnexpectedly()).isFalse();
        }
        assertThat(Orphans.under(repoRoot)).isEmpty();
    }

    @Test
    void aSpringBootJarThatCannotBeExtractedRunsAsBuiltAndSaysWhy() throws Exception {
        int port = Ports.freePorts(1)[0];
        ServiceSpec spec = ServiceSpec.withoutDatabase(ServiceSpec.STOCK_VIEW, port);
        FakeJar.write(spec.jar(repoRoot), FakeService.class, Map.of("Spring-Boot-Version", "4.1.2"));
        try (ServiceProcess service =
                ServiceProcess.of(spec, repoRoot, repoRoot.resolve("logs"), "127.0.0.1:9", 5, List.of(), true)) {
            service.start();
            service.awaitReady(READY);

            assertThat(Files.readString(service.logFile()))
                    .contains("could not extract " + spec.jar(repoRoot))
                    .contains("running it as built");
        }
    }

    @Test
    void aBuildThatIgnoresTheManagementPortIsFoundReadyOnItsHttpPort() throws Exception {
        try (ServiceProcess service = fake(ServiceSpec.ALLOCATION, Map.of("FAKE_BEHAVIOUR", "http-only"))) {
            service.start();
            service.awaitReady(READY);

            assertThat(service.readinessUrl())
                    .isEqualTo("http://127.0.0.1:" + service.port() + "/actuator/health/readiness");
            assertThat(get(service.readinessUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void killedItDiesAtOnceWithoutItsShutdownHookAndStartsAgainOnTheSamePorts() throws Exception {
        try (ServiceProcess service = fake(ServiceSpec.ALLOCATION, Map.of())) {
            service.start();
            service.awaitReady(READY);
            long firstPid = service.pid();

            service.kill();

            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(service.isRunning()).isFalse();
            assertThat(service.exitedUnexpectedly()).as("killed on purpose").isFalse();
            assertThat(Files.readString(service.logFile())).doesNotContain("fake service stopping");

            service.start();
            service.awaitReady(READY);

            assertThat(service.pid()).isNotEqualTo(firstPid);
            assertThat(get(service.readinessUrl()).statusCode()).isEqualTo(200);
            assertThat(Files.readString(service.logFile()))
                    .as("both runs in one log")
                    .containsSubsequence("starting allocation-service", "starting allocation-service");
        }
        assertThat(Orphans.under(repoRoot)).isEmpty();
    }

    @Test
    void aServiceThatDiesByItselfIsAnUnexpectedExit() throws Exception {
        try (ServiceProcess service = fake(ServiceSpec.STOCK_VIEW, Map.of())) {
            service.start();
            service.awaitReady(READY);

            ProcessHandle.of(service.pid()).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(10)).until(service::exitedUnexpectedly);
        }
    }

    @Test
    void aServiceThatExitsIsReportedAtOnceWithTheEndOfItsLog() throws Exception {
        ServiceProcess failing = fake(ServiceSpec.ALLOCATION, Map.of("FAKE_BEHAVIOUR", "exit"));
        failing.start();

        assertThatThrownBy(() -> failing.awaitReady(READY))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("allocation-service exited with code 3 while starting.")
                .hasMessageContaining("Last 30 lines of " + failing.logFile())
                .hasMessageContaining("    Failed to configure a DataSource");
    }

    @Test
    void aServiceThatNeverGetsReadyTimesOutWithWhatItLastAnswered() throws Exception {
        try (ServiceProcess unready = fake(ServiceSpec.STOCK_VIEW, Map.of("FAKE_BEHAVIOUR", "unready"))) {
            unready.start();

            assertThatThrownBy(() -> unready.awaitReady(Duration.ofSeconds(3)))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("stock-view-service was not ready within 3 s")
                    .hasMessageContaining("answered 503")
                    .hasMessageContaining("fake service listening");
        }
        assertThat(Orphans.under(repoRoot)).isEmpty();
    }

    @Test
    void aMissingJarSaysHowToBuildIt() {
        ServiceProcess notBuilt = ServiceProcess.of(
                ServiceSpec.withoutDatabase(ServiceSpec.STOCK_VIEW, 8083),
                repoRoot,
                repoRoot,
                "127.0.0.1:9092",
                15432,
                List.of(),
                true);

        assertThatThrownBy(notBuilt::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("stock-view-service/target/stock-view-service-exec.jar is missing")
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    private ServiceProcess fake(String name, Map<String, String> behaviour) throws Exception {
        Path jar = FakeJar.write(repoRoot.resolve(name + ".jar"), FakeService.class);
        int[] ports = Ports.freePorts(2);
        ServiceSpec spec = new ServiceSpec(name, 1, new ServicePorts(ports[0], ports[1]), Optional.empty(), Map.of());
        Map<String, String> environment = new HashMap<>(behaviour);
        environment.putAll(spec.environment("127.0.0.1:9", 5));
        return new ServiceProcess(spec, jar, List.of(), environment, repoRoot.resolve(name + ".log"));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
