package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void aServiceWithADatabaseIsToldWhereItIsThroughTheEnvironment() {
        ServiceSpec orders = ServiceSpec.withDatabase("orders-service", 8082, "orders");

        assertThat(orders.environment("127.0.0.1:9092", 15432))
                .containsExactly(
                        entry("SERVER_PORT", "8082"),
                        entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                        entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/orders"),
                        entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                        entry("SPRING_DATASOURCE_PASSWORD", ""));
    }

    @Test
    void aServiceWithoutADatabaseGetsNoDataSourceSettings() {
        ServiceSpec stockView = ServiceSpec.withoutDatabase("stock-view-service", 8083);

        assertThat(stockView.environment("127.0.0.1:9092", 15432))
                .containsOnlyKeys("SERVER_PORT", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void itsJarIsTheExecutableOneItsModuleBuilds() {
        assertThat(ServiceSpec.withoutDatabase("stock-view-service", 8083).jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/stock-view-service/target/stock-view-service-exec.jar"));
    }
}
