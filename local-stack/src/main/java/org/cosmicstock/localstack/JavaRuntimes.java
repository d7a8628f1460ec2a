package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java of at least a given version for a child that needs a newer one than the launcher's
 * own (Apicurio Registry needs 21): JAVA_HOME, then this JVM, then every JDK under /usr/lib/jvm.
 */
public final class JavaRuntimes {
    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaRuntimes() {}

    /** A Java home of version {@code minimum} or newer, from this machine's usual places. */
    public static Optional<Path> find(int minimum) {
        return find(minimum, candidates(Optional.ofNullable(System.getenv("JAVA_HOME")), SYSTEM_JVMS));
    }

    /** The first of {@code homes} whose version is {@code minimum} or newer. */
    static Optional<Path> find(int minimum, List<Path> homes) {
        return homes.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                .filter(home -> version(home).orElse(0) >= minimum)
                .findFirst();
    }

    static List<Path> candidates(Optional<String> javaHome, Path systemJvms) {
        List<Path> candidates = new ArrayList<>();
        javaHome.filter(home -> !home.isBlank()).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        if (Files.isDirectory(systemJvms)) {
            try (Stream<Path> jvms = Files.list(systemJvms)) {
                // Newest first: a JDK 25 beside a JDK 21 is as good, and the one more likely kept current.
                jvms.filter(Files::isDirectory)
                        .sorted(Comparator.comparing(
                                        (Path home) -> version(home).orElse(0))
                                .reversed()
                                .thenComparing(Path::toString))
                        .forEach(candidates::add);
            } catch (IOException unreadable) {
                // then only JAVA_HOME and this JVM are candidates
            }
        }
        return candidates;
    }

    /** The feature version (17, 21, 25) from the home's {@code release} file; this JVM's without one. */
    static OptionalInt version(Path home) {
        if (home.toAbsolutePath().normalize().equals(Path.of(System.getProperty("java.home")))) {
            return OptionalInt.of(Runtime.version().feature());
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (matcher.find()) {
                // "1.8.0_402" for Java 8: reads as 1, too old either way.
                return OptionalInt.of(Integer.parseInt(matcher.group(1)));
            }
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException noReleaseFile) {
            return OptionalInt.empty();
        }
    }

    /** Says where was looked and how to get one, for a message shown before anything starts. */
    public static String howToGet(int minimum, String forWhat) {
        return String.format(
                "%s needs Java %d or newer; found none (JAVA_HOME=%s, the launcher's own Java is %d, nothing"
                        + " suitable under %s).%nInstall a JDK %d or newer (for instance Temurin 21 or 25 from"
                        + " adoptium.net, or your distribution's openjdk-21-jdk-headless where it has one) and either"
                        + " set JAVA_HOME to it or put it under %s.",
                forWhat,
                minimum,
                Optional.ofNullable(System.getenv("JAVA_HOME")).orElse("unset"),
                Runtime.version().feature(),
                SYSTEM_JVMS,
                minimum,
                SYSTEM_JVMS);
    }
}
