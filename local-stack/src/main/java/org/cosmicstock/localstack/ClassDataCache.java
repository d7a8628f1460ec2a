package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * Starts a Spring Boot jar faster: extracted (Spring Boot's {@code -Djarmode=tools extract}: plain jars
 * on a classpath instead of jars nested in one) and, once a first run has written it, with a class-data
 * archive (JDK dynamic CDS). Measured with stock-view-service on two cores: 25-29 s of CPU to ready as
 * built, 20 s extracted, 12-14 s with the archive. Kept beside the jar, in {@code target/cds}, so that
 * every launcher and test run of the same build shares it and a new build starts afresh.
 */
final class ClassDataCache {
    private static final String ARCHIVE = "classes.jsa";

    private final Path jar;
    private final Path dir;

    ClassDataCache(Path jar) {
        this.jar = jar;
        this.dir =
                jar.resolveSibling("cds").resolve(jar.getFileName().toString().replaceAll("\\.jar$", ""));
    }

    /**
     * What follows the JVM options on the command line: {@code -jar} and the extracted jar, with the
     * archive to read or (when {@code mayWrite} and there is none) to write at exit. The jar as built
     * when it is not a Spring Boot jar or cannot be extracted; {@code note} hears why.
     */
    List<String> launchArguments(boolean mayWrite, String token, Consumer<String> note) {
        Optional<Path> extracted;
        try {
            extracted = extracted();
        } catch (IOException | RuntimeException e) {
            note.accept("could not extract " + jar + " (" + e.getMessage() + "); running it as built");
            extracted = Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            extracted = Optional.empty();
        }
        if (extracted.isEmpty()) {
            return List.of("-jar", jar.toString());
        }
        Path archive = extracted.get().resolveSibling(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return List.of(
                    "-XX:SharedArchiveFile=" + archive, "-jar", extracted.get().toString());
        }
        if (mayWrite) {
            // Written under a name of its own and moved into place by archiveWritten(): never half a file.
            // Its many "Skipping ... not linked" warnings would only clutter the service's log.
            return List.of(
                    "-XX:ArchiveClassesAtExit=" + partialArchive(token),
                    "-Xlog:cds=off",
                    "-jar",
                    extracted.get().toString());
        }
        return List.of("-jar", extracted.get().toString());
    }

    /**
     * After the JVM started with {@code token} has exited: moves the archive it wrote at exit into place
     * for the next starts; one from a JVM that was killed may be incomplete and is dropped.
     */
    void archiveWritten(String token, boolean exitedNormally) {
        Path partial = partialArchive(token);
        try {
            if (exitedNormally && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, dir.resolve(stamp()).resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException notThisTime) {
            // the next first instance writes one
        }
    }

    private Path partialArchive(String token) {
        return dir.resolve(stamp()).resolve(ARCHIVE + "." + token + ".partial");
    }

    /** The extracted jar for this very build (size and modification time), extracting it if needed. */
    private Optional<Path> extracted() throws IOException, InterruptedException {
        if (!isSpringBootJar()) {
            return Optional.empty();
        }
        Path target = dir.resolve(stamp());
        Path extractedJar = target.resolve(jar.getFileName());
        if (Files.isRegularFile(extractedJar)) {
            return Optional.of(extractedJar);
        }
        FileTrees.delete(dir);
        Path partial =
                dir.resolve(stamp() + ".partial-" + ProcessHandle.current().pid());
        Files.createDirectories(partial.getParent());
        Process extract = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        partial.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            FileTrees.delete(partial);
            throw new IOException("java -Djarmode=tools extract failed");
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherLauncherWasFaster) {
            FileTrees.delete(partial);
        }
        return Optional.of(extractedJar);
    }

    private boolean isSpringBootJar() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
        }
    }

    private String stamp() {
        try {
            return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
