package org.cosmicstock.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A real PostgreSQL (zonky's embedded binaries) whose data directory survives restarts. */
public final class Postgres implements AutoCloseable {
    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres postgres;
    private boolean closed;

    public Postgres(Path dataDir, Path logFile, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** True before the first start in this data directory, when initdb still has to run. */
    public boolean needsInit() {
        return !Files.exists(dataDir.resolve("postgresql.conf"));
    }

    /** Synchronized with {@link #stop()} so that a Ctrl-C during start-up still stops the server. */
    public synchronized void start() throws IOException {
        if (closed) {
            throw new IOException("PostgreSQL is being stopped");
        }
        Files.createDirectories(logFile.getParent());
        JavaProcess.keepPreviousLog(logFile);
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                // Recovery after an unclean stop can take longer than the library's 10 s default.
                .setPGStartupWait(Duration.ofSeconds(60))
                // The launcher's own shutdown hook stops PostgreSQL last, after the services using it.
                .setRegisterShutdownHook(false)
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog)
                .start();
    }

    /** Creates the databases that do not exist yet and returns their names. */
    public List<String> createDatabases(List<String> names) throws SQLException {
        List<String> created = new ArrayList<>();
        try (Connection connection = dataSource("postgres").getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = connection.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        continue;
                    }
                }
                create.execute("CREATE DATABASE " + name);
                created.add(name);
            }
        }
        return created;
    }

    public DataSource dataSource(String database) {
        return running().getDatabase(USER, database);
    }

    /** Whether the postmaster is still alive, going by the pid it wrote into its data directory. */
    public boolean isRunning() {
        try {
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return !pidFile.isEmpty()
                    && ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()))
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
        } catch (IOException | NumberFormatException noServer) {
            return false;
        }
    }

    /** A fast shutdown: open sessions are ended, committed work is kept. Always true: pg_ctl waits. */
    public synchronized boolean stop() {
        closed = true;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop PostgreSQL in " + dataDir, e);
            } finally {
                postgres = null;
            }
        }
        return true;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }
}
