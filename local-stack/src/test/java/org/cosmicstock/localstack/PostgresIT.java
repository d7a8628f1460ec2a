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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class PostgresIT {
    @TempDir
    Path dir;

    private Path dataDir;
    private Path log;
    private int port;

    @BeforeEach
    void freshDataDirectoryAndPort() {
        dataDir = dir.resolve("postgres");
        log = dir.resolve("logs/postgres.log");
        port = Ports.freePorts(1)[0];
    }

    @Test
    void databasesAreCreatedOnceAndTheDataOutlivesARestart() throws Exception {
        try (Postgres postgres = new Postgres(dataDir, log, port)) {
            assertThat(postgres.needsInit()).isTrue();
            postgres.start();

            assertThat(postgres.createDatabases(List.of("allocation", "orders")))
                    .containsExactly("allocation", "orders");
            assertThat(postgres.createDatabases(List.of("allocation", "orders")))
                    .isEmpty();
            keep(postgres, 42);
            assertThat(postgres.isRunning()).isTrue();
        }
        assertThat(Orphans.under(dataDir)).isEmpty();

        int otherPort = Ports.freePorts(1)[0];
        try (Postgres again = new Postgres(dataDir, log, otherPort)) {
            assertThat(again.needsInit()).isFalse();
            again.start();
            assertThat(again.createDatabases(List.of("allocation", "orders"))).isEmpty();
            try (Connection connection = again.dataSource("orders").getConnection()) {
                assertKept(connection, 42);
            }
            again.stop();
            assertThat(again.isRunning()).isFalse();
        }
        assertThat(Orphans.under(dataDir)).isEmpty();
        assertThat(log).content().contains("database system is ready to accept connections");
    }

    @Test
    void durableByDefaultAndFastOnlyWhenAskedFor() throws Exception {
        try (Postgres durable = new Postgres(dataDir, log, port)) {
            durable.start();

            assertThat(durable.durable()).isTrue();
            assertThat(settings(durable)).containsExactly("on", "on", "on", "off");
        }
        try (Postgres fast = new Postgres(dataDir, log, port, false)) {
            fast.start();

            assertThat(settings(fast)).containsExactly("off", "off", "off", "off");
        }
        assertThat(Orphans.under(dataDir)).isEmpty();
    }

    @Test
    void stoppedAndStartedAgainItKeepsItsDataAndItsPort() throws Exception {
        try (Postgres postgres = new Postgres(dataDir, log, port)) {
            postgres.start();
            postgres.createDatabases(List.of("orders"));
            keep(postgres, 7);
            long firstPid = postgres.pid().orElseThrow();

            postgres.stop();

            assertThat(postgres.isRunning()).isFalse();
            assertThat(postgres.exitedUnexpectedly()).as("stopped on purpose").isFalse();
            assertThatThrownBy(() -> connect(postgres)).isInstanceOf(SQLException.class);

            postgres.start();

            assertThat(postgres.pid().orElseThrow()).isNotEqualTo(firstPid);
            try (Connection connection = connect(postgres)) {
                assertKept(connection, 7);
            }
        }
        assertThat(Orphans.under(dataDir)).isEmpty();
    }

    /** Connects to the orders database with the same URL, user and empty password the services are given. */
    private static Connection connect(Postgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("orders"), Postgres.USER, "");
    }

    /** Creates table kept in the orders database, holding {@code id}. */
    private static void keep(Postgres postgres, int id) throws SQLException {
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (" + id + ")");
        }
    }

    /** Table kept holds {@code id} and nothing before it. */
    private static void assertKept(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(id);
        }
    }

    /**
     * fsync, synchronous_commit, full_page_writes and wal_init_zero as the running server has them
     * (new WAL segments are never zero-filled: that stalled every commit on a fresh data directory).
     */
    private static List<String> settings(Postgres postgres) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_init_zero")) {
                try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
