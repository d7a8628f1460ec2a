package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void aServiceWithADatabaseIsToldWhereItIsThroughTheEnvironment() {
        ServiceSpec orders =
                new ServiceSpec(ServiceSpec.ORDERS, 1, new ServicePorts(8082, 8092), Optional.of("orders"), Map.of());

        assertThat(orders.environment("127.0.0.1:9092", 15432))
                .containsExactly(
                        entry("SERVER_PORT", "8082"),
                        entry("MANAGEMENT_SERVER_PORT", "8092"),
                        entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                        entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/orders"),
                        entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                        entry("SPRING_DATASOURCE_PASSWORD", ""));
    }

    @Test
    void aServiceWithoutADatabaseGetsNoDataSourceSettings() {
        ServiceSpec stockView = ServiceSpec.withoutDatabase(ServiceSpec.STOCK_VIEW, 8083);

        assertThat(stockView.environment("127.0.0.1:9092", 15432))
                .containsOnlyKeys("SERVER_PORT", "MANAGEMENT_SERVER_PORT", "SPRING_KAFKA_BOOTSTRAP_SERVERS")
                .containsEntry("MANAGEMENT_SERVER_PORT", "8083");
    }

    @Test
    void furtherSettingsComeLastInTheEnvironment() {
        ServiceSpec stockView = ServiceSpec.withoutDatabase(ServiceSpec.STOCK_VIEW, 8083)
                .withSettings(Map.of("COSMICSTOCK_STOCKVIEW_CACHE", "redis"));

        assertThat(stockView.environment("127.0.0.1:9092", 15432))
                .containsEntry("COSMICSTOCK_STOCKVIEW_CACHE", "redis");
    }

    @Test
    void aSecondInstanceHasItsOwnLabelAndLogButTheSameJar() {
        ServiceSpec first = ServiceSpec.withDatabase(ServiceSpec.ALLOCATION, 8081, "allocation");
        ServiceSpec second = first.withInstance(2, new ServicePorts(8181, 8191));

        assertThat(first.label()).isEqualTo("allocation-service");
        assertThat(second.label()).isEqualTo("allocation-service#2");
        assertThat(second.logFileName()).isEqualTo("allocation-service-2.log");
        assertThat(second.jar(Path.of("/repo"))).isEqualTo(first.jar(Path.of("/repo")));
        assertThat(second.database()).contains("allocation");
    }

    @Test
    void itsJarIsTheExecutableOneItsModuleBuilds() {
        assertThat(ServiceSpec.withoutDatabase(ServiceSpec.STOCK_VIEW, 8083).jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/stock-view-service/target/stock-view-service-exec.jar"));
    }
}
