package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackConfigTest {
    private static final Path WORKING_DIR = Path.of("/home/dev/cosmic-stock");

    @Test
    void withoutFlagsEverythingRunsOnTheDocumentedPortsWithDataInTheWorkingDirectory() throws Exception {
        StackConfig config = StackConfig.parse(WORKING_DIR);

        assertThat(config).isEqualTo(StackConfig.defaults(WORKING_DIR));
        assertThat(config.repoRoot()).isEqualTo(WORKING_DIR);
        assertThat(config.dataDir()).isEqualTo(WORKING_DIR.resolve(".local-stack"));
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.postgresPort()).isEqualTo(15432);
        assertThat(config.services())
                .extracting(ServiceSpec::name, ServiceSpec::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allocation-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("orders-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("stock-view-service", 8083));
        assertThat(config.databases()).containsExactly("allocation", "orders");
        assertThat(config.infraOnly()).isFalse();
        assertThat(config.clean()).isFalse();
    }

    @Test
    void everyPortCanBeMovedWithEitherSpelling() throws Exception {
        StackConfig config = StackConfig.parse(
                WORKING_DIR,
                "--kafka-port",
                "19092",
                "--controller-port=19093",
                "--postgres-port",
                "25432",
                "--allocation-port=18081",
                "--orders-port",
                "18082",
                "--stock-view-port",
                "18083");

        assertThat(config.portClaims())
                .extracting(PortClaim::port)
                .containsExactly(19092, 19093, 25432, 18081, 18082, 18083);
    }

    @Test
    void relativeDirectoriesAreResolvedAgainstTheWorkingDirectory() throws Exception {
        StackConfig config = StackConfig.parse(WORKING_DIR, "--data-dir", "tmp/stack", "--repo-root=..", "--clean");

        assertThat(config.dataDir()).isEqualTo(Path.of("/home/dev/cosmic-stock/tmp/stack"));
        assertThat(config.repoRoot()).isEqualTo(Path.of("/home/dev"));
        assertThat(config.logDir()).isEqualTo(Path.of("/home/dev/cosmic-stock/tmp/stack/logs"));
        assertThat(config.clean()).isTrue();
    }

    @Test
    void infraOnlyNeedsNeitherTheServicesNorTheirPorts() throws Exception {
        StackConfig config = StackConfig.parse(WORKING_DIR, "--infra-only");

        assertThat(config.servicesToStart()).isEmpty();
        assertThat(config.portClaims())
                .extracting(PortClaim::flag)
                .containsExactly("--kafka-port", "--controller-port", "--postgres-port");
        assertThat(config.databases()).containsExactly("allocation", "orders");
    }

    @Test
    void helpIsAskedForNotAnError() {
        assertThatThrownBy(() -> StackConfig.parse(WORKING_DIR, "--infra-only", "--help"))
                .isInstanceOfSatisfying(
                        UsageException.class, e -> assertThat(e.helpRequested()).isTrue());
        assertThatThrownBy(() -> StackConfig.parse(WORKING_DIR, "-h"))
                .isInstanceOfSatisfying(
                        UsageException.class, e -> assertThat(e.helpRequested()).isTrue());
    }

    @Test
    void badCommandLinesAreExplained() {
        assertUsageError("unknown option --kafka", "--kafka", "9092");
        assertUsageError("unknown option stray", "stray");
        assertUsageError("--kafka-port needs a value", "--kafka-port");
        assertUsageError("--kafka-port needs a value", "--kafka-port", "--clean");
        assertUsageError("--data-dir needs a value", "--data-dir=");
        assertUsageError("--clean takes no value", "--clean=yes");
        assertUsageError(
                "--orders-port must be a port number from 1 to 65535, not 'eighty'", "--orders-port", "eighty");
        assertUsageError("--postgres-port must be a port number from 1 to 65535, not '70000'", "--postgres-port=70000");
        assertUsageError("--stock-view-port must be a port number from 1 to 65535, not '0'", "--stock-view-port", "0");
    }

    @Test
    void testsGetDistinctFreePorts() {
        StackConfig config = StackConfig.withFreePorts(WORKING_DIR, WORKING_DIR.resolve("data"));

        assertThat(config.portClaims())
                .extracting(PortClaim::port)
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
    }

    private static void assertUsageError(String message, String... args) {
        assertThatThrownBy(() -> StackConfig.parse(WORKING_DIR, args))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.helpRequested()).isFalse();
                    assertThat(e).hasMessage(message);
                });
    }
}
