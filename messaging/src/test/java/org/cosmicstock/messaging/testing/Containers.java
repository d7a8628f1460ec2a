package org.cosmicstock.messaging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Whether the test support uses containers, decided once per JVM and shared with {@link TestPostgres}.
 * {@code auto} looks for a Docker endpoint with plain sockets first (milliseconds, no Testcontainers
 * classes loaded), so a machine without Docker is never slowed down by Testcontainers' own probing.
 */
final class Containers {

    static final String SWITCH = "cosmicstock.test.containers";

    record Decision(boolean useContainers, String reason) {}

    private static Decision decision;

    private Containers() {}

    /** A system property, else its environment variable (dots and dashes as underscores, upper case), else a default. */
    static String setting(String property, String fallback) {
        String environment = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static synchronized Decision decide() {
        if (decision == null) {
            decision = evaluate(setting(SWITCH, "auto").toLowerCase(Locale.ROOT));
        }
        return decision;
    }

    private static Decision evaluate(String mode) {
        switch (mode) {
            case "never":
                return new Decision(false, SWITCH + "=never");
            case "always":
                if (!testcontainersPresent()) {
                    throw new IllegalStateException(SWITCH + "=always, but Testcontainers is not on the test"
                            + " classpath: add org.testcontainers:testcontainers-kafka and"
                            + " testcontainers-postgresql (test scope)");
                }
                return new Decision(true, SWITCH + "=always");
            case "auto":
                String endpoint = dockerEndpoint();
                if (endpoint == null) {
                    return new Decision(false, SWITCH + "=auto: no Docker engine reachable");
                }
                if (!testcontainersPresent()) {
                    return new Decision(
                            false,
                            SWITCH + "=auto: Docker at " + endpoint
                                    + ", but Testcontainers is not on this module's test classpath");
                }
                if (!DockerCheck.available()) {
                    return new Decision(false, SWITCH + "=auto: " + endpoint + " answers, but not as Docker");
                }
                return new Decision(true, SWITCH + "=auto: Docker engine at " + endpoint);
            default:
                throw new IllegalStateException(
                        SWITCH + " (or COSMICSTOCK_TEST_CONTAINERS) must be auto, always or never, got '" + mode + "'");
        }
    }

    // DOCKER_HOST, Testcontainers' own docker.host setting, then the usual sockets of Docker, rootless
    // Docker, Docker Desktop, Colima, Rancher Desktop and Podman.
    private static String dockerEndpoint() {
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        List<String> candidates = new ArrayList<>();
        candidates.add(System.getenv("DOCKER_HOST"));
        candidates.add(testcontainersProperty(home, "docker.host"));
        candidates.add("unix:///var/run/docker.sock");
        candidates.add("unix://" + home + "/.docker/run/docker.sock");
        candidates.add("unix://" + home + "/.docker/desktop/docker.sock");
        candidates.add("unix://" + home + "/.colima/default/docker.sock");
        candidates.add("unix://" + home + "/.rd/docker.sock");
        if (runtime != null) {
            candidates.add("unix://" + runtime + "/docker.sock");
            candidates.add("unix://" + runtime + "/podman/podman.sock");
        }
        return candidates.stream()
                .filter(candidate -> candidate != null && !candidate.isBlank())
                .filter(Containers::answers)
                .findFirst()
                .orElse(null);
    }

    private static boolean answers(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            if ("unix".equals(uri.getScheme())) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    return false;
                }
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    return channel.isConnected();
                }
            }
            if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
                    return true;
                }
            }
            return true; // npipe and the like: let Testcontainers judge
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String testcontainersProperty(String home, String key) {
        Path file = Path.of(home, ".testcontainers.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return null;
        }
        return properties.getProperty(key);
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    // Only reached once a socket answers, so Testcontainers' slower probing never runs on a machine without one.
    private static final class DockerCheck {
        static boolean available() {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        }
    }
}
