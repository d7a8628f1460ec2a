package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ServiceProcess against a fake service jar, until the real services exist. */
@Timeout(60)
class ServiceProcessIT {
    @TempDir
    Path repoRoot;

    @Test
    void startsTheJarWithItsSettingsInTheEnvironmentAndWaitsForReadiness() throws Exception {
        ServiceSpec spec = ServiceSpec.withDatabase("orders-service", Ports.freePorts(1)[0], "orders");
        FakeJar.write(spec.jar(repoRoot), FakeService.class);
        try (ServiceProcess orders = ServiceProcess.of(spec, repoRoot, repoRoot.resolve("logs"), "127.0.0.1:9", 5)) {
            orders.start();
            orders.awaitReady(Duration.ofSeconds(30));

            HttpResponse<String> readiness = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(orders.readinessUrl()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.body()).contains("UP");
            assertThat(orders.logFile()).isEqualTo(repoRoot.resolve("logs/orders-service.log"));
            assertThat(Files.readString(orders.logFile()))
                    .contains("SERVER_PORT=" + spec.port())
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9")
                    .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5/orders")
                    .contains("SPRING_DATASOURCE_USERNAME=postgres")
                    .contains("SPRING_DATASOURCE_PASSWORD=\n")
                    .contains("avro trusted=org.cosmicstock.schemas");

            assertThat(orders.stop()).isTrue();
            assertThat(orders.isRunning()).isFalse();
        }
        assertThat(Orphans.under(repoRoot)).isEmpty();
    }

    @Test
    void aServiceThatExitsIsReportedAtOnceWithTheEndOfItsLog() throws Exception {
        ServiceProcess failing = fake("allocation-service", Map.of("FAKE_BEHAVIOUR", "exit"));
        failing.start();

        assertThatThrownBy(() -> failing.awaitReady(Duration.ofSeconds(30)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("allocation-service exited with code 3 while starting.")
                .hasMessageContaining("Last 30 lines of " + failing.logFile())
                .hasMessageContaining("    Failed to configure a DataSource");
    }

    @Test
    void aServiceThatNeverGetsReadyTimesOutWithWhatItLastAnswered() throws Exception {
        try (ServiceProcess unready = fake("stock-view-service", Map.of("FAKE_BEHAVIOUR", "unready"))) {
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
                ServiceSpec.withoutDatabase("stock-view-service", 8083), repoRoot, repoRoot, "127.0.0.1:9092", 15432);

        assertThatThrownBy(notBuilt::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("stock-view-service/target/stock-view-service-exec.jar is missing")
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    private ServiceProcess fake(String name, Map<String, String> behaviour) throws Exception {
        Path jar = FakeJar.write(repoRoot.resolve(name + ".jar"), FakeService.class);
        Map<String, String> environment = new HashMap<>(behaviour);
        environment.put("SERVER_PORT", Integer.toString(Ports.freePorts(1)[0]));
        return new ServiceProcess(
                name,
                jar,
                Integer.parseInt(environment.get("SERVER_PORT")),
                environment,
                repoRoot.resolve(name + ".log"));
    }
}
