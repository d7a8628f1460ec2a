package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
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
                .extracting(ServiceSpec::label, ServiceSpec::port, ServiceSpec::managementPort)
                .containsExactly(
                        tuple("allocation-service", 8081, 8091),
                        tuple("orders-service", 8082, 8092),
                        tuple("stock-view-service", 8083, 8093));
        assertThat(config.databases()).containsExactly("allocation", "orders");
        assertThat(config.infraOnly()).isFalse();
        assertThat(config.clean()).isFalse();
        assertThat(config.options().fastDb()).as("durable by default").isFalse();
        assertThat(config.options().classDataSharing()).isTrue();
        assertThat(config.options().serviceJavaOptions()).isEqualTo(StackOptions.DEFAULT_SERVICE_JAVA_OPTIONS);
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.registryUrl()).isEmpty();
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
                "--allocation-management-port=18091",
                "--orders-port",
                "18082",
                "--orders-management-port",
                "18092",
                "--stock-view-port",
                "18083",
                "--stock-view-management-port=18093",
                "--redis",
                "--redis-port=26379",
                "--registry",
                "--registry-port",
                "18085",
                "--registry-management-port",
                "18086");

        assertThat(config.portClaims())
                .extracting(PortClaim::port)
                .containsExactly(19092, 19093, 25432, 26379, 18085, 18086, 18081, 18091, 18082, 18092, 18083, 18093);
        assertThat(config.redisUrl()).contains("redis://127.0.0.1:26379");
        assertThat(config.registryUrl()).contains("http://127.0.0.1:18085/apis/ccompat/v7");
    }

    @Test
    void replicasRunFurtherInstancesOfAllocationAndStockViewAHundredPortsHigher() throws Exception {
        StackConfig config = StackConfig.parse(WORKING_DIR, "--replicas", "2", "--redis");

        assertThat(config.services())
                .extracting(ServiceSpec::label, ServiceSpec::port, ServiceSpec::managementPort)
                .containsExactly(
                        tuple("allocation-service", 8081, 8091),
                        tuple("allocation-service#2", 8181, 8191),
                        tuple("orders-service", 8082, 8092),
                        tuple("stock-view-service", 8083, 8093),
                        tuple("stock-view-service#2", 8183, 8193));
        assertThat(config.portClaims())
                .extracting(PortClaim::port)
                .contains(16379, 8181, 8191, 8183, 8193)
                .doesNotHaveDuplicates();
        assertThat(config.portClaims())
                .filteredOn(claim -> claim.port() == 8181)
                .extracting(PortClaim::purpose, PortClaim::flag)
                .containsExactly(tuple("allocation-service#2", "--allocation-port (instance 2 adds 100)"));
    }

    @Test
    void eachServiceCanHaveItsOwnInstanceCount() throws Exception {
        StackConfig config = StackConfig.parse(
                WORKING_DIR, "--replicas=3", "--stock-view-instances", "2", "--allocation-instances=1");

        assertThat(config.services())
                .extracting(ServiceSpec::label)
                .containsExactly("allocation-service", "orders-service", "stock-view-service", "stock-view-service#2");
    }

    @Test
    void withRedisEveryStockViewInstanceKeepsItsViewThereAndWithTheRegistryEveryServiceUsesIt() throws Exception {
        StackConfig config = StackConfig.parse(WORKING_DIR, "--replicas", "2", "--redis", "--registry");

        for (ServiceSpec service : config.services()) {
            assertThat(service.environment(config.bootstrapServers(), config.postgresPort()))
                    .containsEntry("COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL", "http://127.0.0.1:8085/apis/ccompat/v7");
        }
        assertThat(config.services())
                .filteredOn(service -> service.name().equals(ServiceSpec.STOCK_VIEW))
                .hasSize(2)
                .allSatisfy(stockView -> assertThat(stockView.environment("k", 1))
                        .containsEntry("COSMICSTOCK_STOCKVIEW_CACHE", "redis")
                        .containsEntry("COSMICSTOCK_STOCKVIEW_REDIS_URL", "redis://127.0.0.1:16379"));
        assertThat(config.instance(ServiceSpec.ALLOCATION, 1).environment("k", 1))
                .doesNotContainKey("COSMICSTOCK_STOCKVIEW_CACHE");
    }

    @Test
    void withoutRedisStockViewKeepsItsOwnDefault() throws Exception {
        assertThat(StackConfig.parse(WORKING_DIR, "--replicas", "2")
                        .instance(ServiceSpec.STOCK_VIEW, 2)
                        .environment("k", 1))
                .doesNotContainKeys("COSMICSTOCK_STOCKVIEW_CACHE", "COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL");
    }

    @Test
    void fastDbAndJavaOptionsAreTakenAsGiven() throws Exception {
        StackConfig config = StackConfig.parse(
                WORKING_DIR, "--fast-db", "--no-cds", "--service-java-opts", " -Xmx512m  -XX:+UseG1GC ");

        assertThat(config.options().fastDb()).isTrue();
        assertThat(config.options().classDataSharing()).as("on unless --no-cds").isFalse();
        assertThat(config.options().serviceJavaOptions()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
        assertThat(StackConfig.parse(WORKING_DIR, "--service-java-opts=")
                        .options()
                        .serviceJavaOptions())
                .as("empty: the JVM's own defaults")
                .isEmpty();
    }

    @Test
    void relativeDirectoriesAreResolvedAgainstTheWorkingDirectory() throws Exception {
        StackConfig config = StackConfig.parse(WORKING_DIR, "--data-dir", "tmp/stack", "--repo-root=..", "--clean");

        assertThat(config.dataDir()).isEqualTo(Path.of("/home/dev/cosmic-stock/tmp/stack"));
        assertThat(config.repoRoot()).isEqualTo(Path.of("/home/dev"));
        assertThat(config.logDir()).isEqualTo(Path.of("/home/dev/cosmic-stock/tmp/stack/logs"));
        assertThat(config.registryInstallDir())
                .isEqualTo(Path.of("/home/dev/cosmic-stock/tmp/stack/registry/apicurio-registry-3.3.3"));
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
    void theHelpNamesEveryFlagTheParserTakes() {
        List<String> flags = List.of(
                "--infra-only",
                "--clean",
                "--fast-db",
                "--redis",
                "--registry",
                "--replicas",
                "--allocation-instances",
                "--stock-view-instances",
                "--service-java-opts",
                "--data-dir",
                "--repo-root",
                "--kafka-port",
                "--controller-port",
                "--postgres-port",
                "--allocation-port",
                "--orders-port",
                "--stock-view-port",
                "--allocation-management-port",
                "--orders-management-port",
                "--stock-view-management-port",
                "--redis-port",
                "--registry-port",
                "--registry-management-port",
                "--no-build",
                "--help");

        assertThat(Usage.TEXT).contains(flags).contains(String.join(" ", StackOptions.DEFAULT_SERVICE_JAVA_OPTIONS));
    }

    @Test
    void badCommandLinesAreExplained() {
        assertUsageError("unknown option --kafka", "--kafka", "9092");
        assertUsageError("unknown option stray", "stray");
        assertUsageError("--kafka-port needs a value", "--kafka-port");
        assertUsageError("--kafka-port needs a value", "--kafka-port", "--clean");
        assertUsageError("--data-dir needs a value", "--data-dir=");
        assertUsageError("--clean takes no value", "--clean=yes");
        assertUsageError("--redis takes no value", "--redis=16379");
        assertUsageError(
                "--orders-port must be a port number from 1 to 65535, not 'eighty'", "--orders-port", "eighty");
        assertUsageError("--postgres-port must be a port number from 1 to 65535, not '70000'", "--postgres-port=70000");
        assertUsageError("--stock-view-port must be a port number from 1 to 65535, not '0'", "--stock-view-port", "0");
        assertUsageError("--replicas must be a number from 1 to 9, not '10'", "--replicas", "10");
        assertUsageError(
                "--stock-view-instances must be a number from 1 to 9, not 'two'", "--stock-view-instances=two");
        assertUsageError(
                "allocation-service#2 would listen on port 65600 or 8191, beyond 65535: each further instance adds"
                        + " 100; choose lower ports or fewer instances",
                "--allocation-port",
                "65500",
                "--replicas",
                "2");
    }

    @Test
    void testsGetDistinctFreePortsWithRoomForASecondInstance() {
        for (boolean separateManagement : new boolean[] {false, true}) {
            StackConfig config = StackConfig.withFreePorts(WORKING_DIR, WORKING_DIR.resolve("data"), separateManagement)
                    .with(StackOptions.defaults()
                            .withInstances(2, 2)
                            .withRedis()
                            .withRegistry());

            assertThat(config.portClaims())
                    .extracting(PortClaim::port)
                    .doesNotHaveDuplicates()
                    .allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
            assertThat(config.services())
                    .allSatisfy(service ->
                            assertThat(service.ports().separateManagement()).isEqualTo(separateManagement));
        }
    }

    private static void assertUsageError(String message, String... args) {
        assertThatThrownBy(() -> StackConfig.parse(WORKING_DIR, args))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.helpRequested()).isFalse();
                    assertThat(e).hasMessage(message);
                });
    }
}
