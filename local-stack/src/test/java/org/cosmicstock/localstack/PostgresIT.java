package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

    @Test
    void durableByDefaultAndFastOnlyWhenAskedFor() throws Exception {
        Path dataDir = dir.resolve("postgres");
        Path log = dir.resolve("logs/postgres.log");
        int port = Ports.freePorts(1)[0];
        try (Postgres durable = new Postgres(dataDir, log, port)) {
            durable.start();

            assertThat(durable.durable()).isTrue();
            assertThat(settings(durable)).containsExactly("on", "on", "on");
        }
        try (Postgres fast = new Postgres(dataDir, log, port, false)) {
            fast.start();

            assertThat(settings(fast)).containsExactly("off", "off", "off");
        }
        assertThat(Orphans.under(dataDir)).isEmpty();
    }

    @Test
    void stoppedAndStartedAgainItKeepsItsDataAndItsPort() throws Exception {
        Path dataDir = dir.resolve("postgres");
        int port = Ports.freePorts(1)[0];
        try (Postgres postgres = new Postgres(dataDir, dir.resolve("logs/postgres.log"), port)) {
            postgres.start();
            postgres.createDatabases(List.of("orders"));
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), Postgres.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (7)");
            }
            long firstPid = postgres.pid().orElseThrow();

            postgres.stop();

            assertThat(postgres.isRunning()).isFalse();
            assertThat(postgres.exitedUnexpectedly()).as("stopped on purpose").isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("orders"), Postgres.USER, ""))
                    .isInstanceOf(SQLException.class);

            postgres.start();

            assertThat(postgres.pid().orElseThrow()).isNotEqualTo(firstPid);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), Postgres.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }
        assertThat(Orphans.under(dataDir)).isEmpty();
    }

    /** fsync, synchronous_commit, full_page_writes as the running server has them. */
    private static List<String> settings(Postgres postgres) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
