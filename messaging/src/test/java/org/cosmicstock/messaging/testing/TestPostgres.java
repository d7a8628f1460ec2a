package org.cosmicstock.messaging.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL started once per test JVM, with a fresh database for each caller, so tests never share
 * state or depend on a fixed port: a Testcontainers {@code postgres} container where a Docker engine is
 * reachable, the embedded binaries (random free port) otherwise; the same switch as {@link TestKafka}
 * ({@code cosmicstock.test.containers=auto|always|never}). Either way the user is {@code postgres} and any
 * password is accepted.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The running server: where to connect as administrator, and the URL of a database on it. */
    private interface Server {
        Connection admin() throws SQLException;

        String jdbcUrl(String database);
    }

    private static Server server;

    private TestPostgres() {}

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password needed). */
    public static String freshDatabaseUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server().admin();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return server().jdbcUrl(name);
    }

    public static DataSource freshDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(freshDatabaseUrl());
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** A fresh database with the messaging tables (outbox, inbox) in it, as a service's start creates them. */
    public static DataSource freshMessagingDatabase() {
        DataSource dataSource = freshDatabase();
        MessagingTables.migrate(dataSource);
        return dataSource;
    }

    /** The first column of the one row {@code sql} selects from {@code database}, as a long: a count, say. */
    public static long selectLong(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = Containers.start(
                    "postgres",
                    "postgres:17-alpine",
                    image -> PostgresInContainer.start(image),
                    TestPostgres::embedded);
        }
        return server;
    }

    private static Server embedded() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "test-postgres-stop"));
        return new Server() {
            @Override
            public Connection admin() throws SQLException {
                return postgres.getPostgresDatabase().getConnection();
            }

            @Override
            public String jdbcUrl(String database) {
                return postgres.getJdbcUrl("postgres", database);
            }
        };
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Could not stop the embedded PostgreSQL: " + e);
        }
    }

    // Only this class names Testcontainers' PostgreSQL module, so the embedded path never loads it.
    private static final class PostgresInContainer {
        static Server start(String image) {
            var postgres = new org.testcontainers.postgresql.PostgreSQLContainer(image)
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withDatabaseName("postgres")
                    // As the embedded server: callers connect as postgres with whatever password they have.
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
            postgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-stop"));
            String base = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
            return new Server() {
                @Override
                public Connection admin() throws SQLException {
                    return DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                }

                @Override
                public String jdbcUrl(String database) {
                    return base + database + "?user=postgres";
                }
            };
        }
    }
}
