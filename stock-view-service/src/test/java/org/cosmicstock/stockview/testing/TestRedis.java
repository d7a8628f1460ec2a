package org.cosmicstock.stockview.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cosmicstock.messaging.testing.Containers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis started once per test JVM, without persistence, stopped when the JVM exits: a
 * Testcontainers {@code redis} container where a Docker engine is reachable, the operating system's
 * redis-server (Debian's {@code redis-server} package) on a free port in a temporary directory
 * otherwise, on the same switch as messaging's {@code TestKafka} ({@code cosmicstock.test.containers=
 * auto|always|never}; image {@code cosmicstock.test.redis-image}). A missing binary fails the tests:
 * the Redis adapter is not tested without Redis.
 */
public final class TestRedis {

    private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);

    private static Process process;
    private static int port;
    private static String url;

    private TestRedis() {}

    public static synchronized String url() {
        if (url == null) {
            url = Containers.start(
                    "redis", "redis:7.4-alpine", image -> RedisInContainer.start(image), TestRedis::startProcess);
            LOG.info("Test Redis at {}", url);
        }
        return url;
    }

    // Only this class names Testcontainers, so the process path never loads it.
    private static final class RedisInContainer {
        static String start(String image) {
            var redis = new org.testcontainers.containers.GenericContainer<>(
                            org.testcontainers.utility.DockerImageName.parse(image))
                    .withExposedPorts(6379)
                    .withCommand("redis-server", "--save", "", "--appendonly", "no");
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "test-redis-stop"));
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        }
    }

    /** Starts redis-server on a free port and answers its URL once it answers PING. */
    private static String startProcess() {
        String binary = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new AssertionError("redis-server is not installed, and the Redis tests need a real"
                        + " one: install it with `apt-get install redis-server` (Debian/Ubuntu) and run again"));
        try {
            Path dir = Files.createTempDirectory("test-redis");
            port = freePort();
            process = new ProcessBuilder(
                            binary,
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir), "test-redis-stop"));
            awaitPong(dir);
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new AssertionError("Could not start " + binary, e);
        }
    }

    private static void awaitPong(Path dir) {
        await("redis-server answers PING on port " + port)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(
                                "redis-server exited at start: " + Files.readString(dir.resolve("redis.log")));
                    }
                    return pong();
                });
    }

    private static boolean pong() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void stop(Path dir) {
        process.destroy();
        try {
            process.waitFor();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
