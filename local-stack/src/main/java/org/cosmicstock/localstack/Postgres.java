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
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (zonky's embedded binaries) whose data directory survives restarts. Durable unless
 * asked otherwise: zonky's own defaults (fsync and synchronous_commit off) suit throwaway test
 * databases, not a suite whose figures are published or whose data a user keeps.
 */
public final class Postgres implements AutoCloseable {
    public static final String USER = "postgres";

    /** What {@code --fast-db} gives up, said wherever it is chosen. */
    public static final String FAST_RISK = "fsync, synchronous_commit and full_page_writes are off: faster"
            + " commits, but a crash of PostgreSQL can lose the last committed transactions, and a crash of"
            + " the machine or a power loss can also corrupt the database (then start over with --clean)."
            + " Do not publish figures measured this way.";

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;
    private boolean started;
    private boolean closed;

    /** A durable PostgreSQL: fsync, synchronous_commit and full_page_writes on. */
    public Postgres(Path dataDir, Path logFile, int port) {
        this(dataDir, logFile, port, true);
    }

    /** {@code durable == false} turns fsync, synchronous_commit and full_page_writes off: see {@link #FAST_RISK}. */
    public Postgres(Path dataDir, Path logFile, int port, boolean durable) {
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
        this.durable = durable;
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

    public boolean durable() {
        return durable;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** True before the first start in this data directory, when initdb still has to run. */
    public boolean needsInit() {
        return !Files.exists(dataDir.resolve("postgresql.conf"));
    }

    /**
     * Starts the server and waits until it accepts connections. May be called again after {@link
     * #stop()}: same data, same port. Synchronized with stop so that a Ctrl-C during start-up still
     * stops the server.
     */
    public synchronized void start() throws IOException {
        if (closed) {
            throw new IOException("PostgreSQL is being stopped");
        }
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        Files.createDirectories(logFile.getParent());
        if (!started) {
            // A restart appends to the same log, so that a fault test's whole story is in one file.
            ChildProcess.keepPreviousLog(logFile);
            started = true;
        }
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        String onOrOff = durable ? "on" : "off";
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                // zonky passes -F (fsync off) and synchronous_commit=off; a -c given later wins over both.
                .setServerConfig("fsync", onOrOff)
                .setServerConfig("synchronous_commit", onOrOff)
                .setServerConfig("full_page_writes", onOrOff)
                // A new WAL segment is written full of zeros (16 MB) and synced by the committing
                // backend while every other commit waits: a fresh data directory has no old segments to
                // recycle until its first checkpoint, so at 1,000 commands/s that stalled all commits
                // 100-200 ms every 7 s (IO/WalInitWrite in pg_stat_activity at the slowest seconds).
                // Off, the segment is created at its size without the zeros. Durability is the same
                // (fsync and full_page_writes as above); a full disk shows at a WAL write instead.
                .setServerConfig("wal_init_zero", "off")
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
        return pid().isPresent();
    }

    /** Whether the server is gone although nobody stopped it. */
    public synchronized boolean exitedUnexpectedly() {
        return postgres != null && !isRunning();
    }

    /** The postmaster's pid, while it runs. */
    public OptionalLong pid() {
        try {
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            if (pidFile.isEmpty()) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(pidFile.get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    ? OptionalLong.of(pid)
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException noServer) {
            return OptionalLong.empty();
        }
    }

    /**
     * A fast shutdown: open sessions are ended, committed work is kept; {@link #start()} brings it back.
     * Always true: pg_ctl waits.
     */
    public synchronized boolean stop() {
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

    /** Stops the server for good: a later start fails. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    private synchronized EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }
}
