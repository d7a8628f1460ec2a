package org.cosmicstock.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real {@code redis-server} from the PATH on 127.0.0.1 that keeps nothing on disk: every start,
 * including one after {@link #stop()} or {@link #kill()}, begins EMPTY, as a cache that lost its data would.
 */
public final class RedisServer extends StackProcess {
    public static final String EXECUTABLE = "redis-server";
    public static final String HOW_TO_INSTALL = "Install it: sudo apt-get install redis-server (Debian, Ubuntu),"
            + " brew install redis (macOS); the launcher starts its own on its own port, not the system's.";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path directory;
    private final Path logFile;
    private final int port;

    /** {@code directory} holds its configuration file; it is Redis's working directory too. */
    public RedisServer(Path directory, Path logFile, int port) {
        super("Redis");
        this.directory = directory.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
    }

    public static String url(int port) {
        return "redis://127.0.0.1:" + port;
    }

    /** redis-server on the PATH, if there is one. */
    public static Optional<Path> executable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, EXECUTABLE))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public String url() {
        return url(port);
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts redis-server and waits until it answers PING. Every start is empty: nothing is persisted. */
    public synchronized void start() throws IOException, StartupException {
        beginStart(logFile);
        Path redis = executable()
                .orElseThrow(() -> new StartupException("redis-server is not on the PATH. " + HOW_TO_INSTALL));
        Files.createDirectories(directory);
        Path config = directory.resolve("redis.conf");
        Files.writeString(config, configuration());
        ChildProcess server = slot.start("Redis", List.of(redis.toString(), config.toString()), Map.of(), logFile);
        Readiness.await(server, "Redis on 127.0.0.1:" + port, READY_TIMEOUT, this::answersPing);
    }

    private String configuration() {
        return String.format("""
                # Written by the local stack at every start; edits here are overwritten.
                bind 127.0.0.1
                port %d
                daemonize no
                logfile ""
                dir %s
                # Nothing on disk: a restart starts empty, as a cache that lost its data would.
                save ""
                appendonly no
                # The configuration file's path in the process title lets a later launcher find an
                # orphan by its data directory, as it does the JVMs and PostgreSQL.
                proc-title-template "{title} {listen-addr} {server-mode} {config-file}"
                """, port, directory);
    }

    private boolean answersPing() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            String reply = new String(answer, 0, read, StandardCharsets.US_ASCII);
            if (!reply.equals("+PONG\r\n")) {
                // "-LOADING" while it reads a dump (none here), or another program on the port.
                throw new IOException("PING answered " + reply.strip());
            }
            return true;
        }
    }

    @Override
    Duration stopGrace() {
        return STOP_GRACE;
    }
}
