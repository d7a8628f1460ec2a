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
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the test support uses containers, decided once per test JVM and shared by {@link TestKafka},
 * {@link TestPostgres} and the modules' own test parts (stock-view's Redis): the system property
 * {@code cosmicstock.test.containers} or the environment variable {@code COSMICSTOCK_TEST_CONTAINERS},
 *
 * <ul>
 *   <li>{@code auto} (default): containers when a Docker engine answers and Testcontainers is on the
 *       module's test classpath, the embedded parts otherwise;
 *   <li>{@code always}: containers, and a clear failure naming this setting when there is no Docker engine;
 *   <li>{@code never}: the embedded parts.
 * </ul>
 *
 * <p>{@code auto} looks for a Docker endpoint with plain sockets first (milliseconds, no Testcontainers
 * classes loaded), so a machine without Docker is never slowed down by Testcontainers' own probing. The
 * decision is logged once per test JVM, as one line starting with {@code Test infrastructure:}.
 */
public final class Containers {

    public static final String SWITCH = "cosmicstock.test.containers";

    private static final Logger LOG = LoggerFactory.getLogger(Containers.class);

    public record Decision(boolean useContainers, String reason) {}

    /**
     * What the decision needs to know about the machine; a fake one in the decision's own test.
     *
     * @param dockerEndpoint the first Docker endpoint whose socket answers, or {@code null}
     * @param testcontainersPresent whether Testcontainers is on the module's test classpath
     * @param dockerAvailable whether the endpoint speaks Docker (Testcontainers' own check); only asked once one
     *     answers
     */
    record Probe(
            Supplier<String> dockerEndpoint, BooleanSupplier testcontainersPresent, BooleanSupplier dockerAvailable) {}

    // A lambda, not a method reference, for DockerCheck: it names Testcontainers, and is loaded only when asked.
    static final Probe MACHINE =
            new Probe(Containers::dockerEndpoint, Containers::testcontainersPresent, () -> DockerCheck.available());

    private static Decision decision;

    private Containers() {}

    /** A system property, else its environment variable (dots and dashes as underscores, upper case), else a default. */
    public static String setting(String property, String fallback) {
        String environment = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The decision of this test JVM, made (and logged) at the first call. */
    public static synchronized Decision decide() {
        if (decision == null) {
            decision = evaluate(setting(SWITCH, "auto"), MACHINE);
            LOG.info(
                    "Test infrastructure: {} ({})",
                    decision.useContainers() ? "containers (Testcontainers)" : "embedded parts",
                    decision.reason());
        }
        return decision;
    }

    /**
     * Starts the tests' {@code server} ({@code kafka}, {@code postgres}, {@code redis}) where the decision says,
     * and logs where and why: in a container of the image the setting {@code cosmicstock.test.<server>-image}
     * names ({@code defaultImage} without it), else on this machine. Pass {@code inContainer} as a lambda, not a
     * method reference, so that the class naming Testcontainers is not loaded on the other path.
     */
    public static <S> S start(
            String server, String defaultImage, Function<String, S> inContainer, Supplier<S> onMachine) {
        Decision decision = decide();
        if (decision.useContainers()) {
            String image = setting("cosmicstock.test." + server + "-image", defaultImage);
            S started = inContainer.apply(image);
            LOG.info("Test {}: container {} ({})", server, image, decision.reason());
            return started;
        }
        S started = onMachine.get();
        LOG.info("Test {}: on this machine ({})", server, decision.reason());
        return started;
    }

    static Decision evaluate(String setting, Probe probe) {
        String mode = setting.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "never":
                return new Decision(false, SWITCH + "=never");
            case "always":
                String required = probe.dockerEndpoint().get();
                if (required == null) {
                    throw new IllegalStateException(SWITCH + "=always, but no Docker engine is reachable (tried"
                            + " DOCKER_HOST, docker.host in ~/.testcontainers.properties and the usual sockets of"
                            + " Docker, Docker Desktop, Colima, Rancher Desktop and Podman): start one, or set "
                            + SWITCH + " (or COSMICSTOCK_TEST_CONTAINERS) to auto or never to use the embedded"
                            + " Kafka, PostgreSQL and redis-server");
                }
                if (!probe.testcontainersPresent().getAsBoolean()) {
                    throw new IllegalStateException(SWITCH + "=always, but Testcontainers is not on this module's"
                            + " test classpath: add org.testcontainers:testcontainers-kafka and"
                            + " testcontainers-postgresql (test scope)");
                }
                if (!probe.dockerAvailable().getAsBoolean()) {
                    throw new IllegalStateException(SWITCH + "=always, but " + required
                            + " answers without being a usable Docker engine (see Testcontainers' log above):"
                            + " fix it, or set " + SWITCH + " to auto or never");
                }
                return new Decision(true, SWITCH + "=always: Docker engine at " + required);
            case "auto":
                String endpoint = probe.dockerEndpoint().get();
                if (endpoint == null) {
                    return new Decision(false, SWITCH + "=auto: no Docker engine reachable");
                }
                if (!probe.testcontainersPresent().getAsBoolean()) {
                    return new Decision(
                            false,
                            SWITCH + "=auto: Docker at " + endpoint
                                    + ", but Testcontainers is not on this module's test classpath");
                }
                if (!probe.dockerAvailable().getAsBoolean()) {
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
