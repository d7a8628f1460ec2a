package org.cosmicstock.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A child process (a JVM, redis-server) with its output in a log file, stopped politely first. */
public final class ChildProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Runs {@code java arguments} with this JVM's Java, our environment plus {@code environment}. */
    public static ChildProcess startJava(
            String name, List<String> arguments, Map<String, String> environment, Path logFile) throws IOException {
        return startJava(Path.of(System.getProperty("java.home")), name, arguments, environment, logFile);
    }

    /** Runs {@code java arguments} with the Java in {@code javaHome}. */
    public static ChildProcess startJava(
            Path javaHome, String name, List<String> arguments, Map<String, String> environment, Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(arguments);
        return start(name, command, environment, logFile);
    }

    /** Runs {@code command} (program first) with our environment plus {@code environment}. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFile)
            throws IOException {
        List<String> full = new ArrayList<>();
        // A session of its own: Ctrl-C in the terminal then reaches only the launcher, which stops
        // the children in order (services before the broker and database they still talk to).
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(
                logFile,
                String.format("---- %s: starting %s%n", Instant.now(), name),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), logFile);
    }

    /**
     * This JVM's classpath with absolute entries, for a child that needs the same classes. The java
     * command expands a {@code lib/*} entry, so the property lists every jar.
     */
    public static String classpathOfThisJvm() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Waits for a process meant to finish by itself; false when it is still running after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * SIGTERM, then SIGKILL for it and everything it started if it is still there after {@code grace}.
     * Returns whether it stopped by itself.
     */
    public boolean stop(Duration grace) {
        // Taken first: once the parent is gone its children are re-parented and no longer found here.
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean graceful = true;
        if (process.isAlive()) {
            process.destroy();
            graceful = waitQuietly(grace);
            if (!graceful) {
                kill();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return graceful;
    }

    /** SIGKILL, as a crash would end it: no shutdown hook runs. Returns once it is gone. */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        waitQuietly(Duration.ofSeconds(10));
    }

    private boolean waitQuietly(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Moves last run's log aside so that this run's log starts empty and the one before stays readable. */
    public static void keepPreviousLog(Path logFile) throws IOException {
        if (Files.exists(logFile)) {
            Files.move(
                    logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
