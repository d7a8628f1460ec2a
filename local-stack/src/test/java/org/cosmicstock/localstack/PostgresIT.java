package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class PostgresIT {
    @TempDir
    Path dir;

    @Test
    void databasesAreCreatedOnceAndTheDataOutlivesARestart() throws Exception {
        Path dataDir = dir.resolve("postgres");
        Path log = dir.resolve("logs/postgres.log");
        int port = Ports.freePorts(1)[0];
        try (Postgres postgres = new Postgres(dataDir, log, port)) {
            assertThat(postgres.needsInit()).isTrue();
            postgres.start();

            assertThat(postgres.createDatabases(List.of("allocation", "orders")))
                    .containsExactly("allocation", "orders");
            assertThat(postgres.createDatabases(List.of("allocation", "orders")))
                    .isEmpty();
            // The same URL, user and empty password the services are given.
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), Postgres.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            assertThat(postgres.isRunning()).isTrue();
        }
        assertThat(Orphans.under(dataDir)).isEmpty();

        int otherPort = Ports.freePorts(1)[0];
        try (Postgres again = new Postgres(dataDir, log, otherPort)) {
            assertThat(again.needsInit()).isFalse();
            again.start();
            assertThat(again.createDatabases(List.of("allocation", "orders"))).isEmpty();
            try (Connection connection = again.dataSource("orders").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
            again.stop();
            assertThat(again.isRunning()).isFalse();
        }
        assertThat(Orphans.under(dataDir)).isEmpty();
        assertThat(log).content().contains("database system is ready to accept connections");
    }
}
