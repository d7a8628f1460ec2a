package org.cosmicstock.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Processes left behind by a launcher that could not stop them (kill -9, a crash). Every child names
 * a path in the data directory on its command line: Kafka its server.properties, PostgreSQL its data
 * directory, a service or the registry its log file, Redis its configuration file (in its process
 * title). That is how they are recognised here.
 */
public final class Orphans {

    private Orphans() {}

    /**
     * Live JVMs, postmasters and Redis servers, other than this process, whose command line names a
     * path inside {@code dir}; only those, so that a {@code tail -f} on a log is left alone.
     */
    public static List<ProcessHandle> under(Path dir) {
        String prefix = dir.toAbsolutePath().normalize() + File.separator;
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self && process.isAlive())
                .filter(process ->
                        process.info().command().map(Orphans::isOurKind).orElse(false))
                .filter(process -> commandLine(process).contains(prefix))
                .toList();
    }

    private static boolean isOurKind(String executable) {
        String name = Path.of(executable).getFileName().toString();
        // Debian's redis-server is a link to redis-check-rdb, the name the kernel reports.
        return Set.of("java", "postgres", "redis-server", "redis-check-rdb").contains(name);
    }

    /**
     * From /proc where there is one: Redis rewrites its arguments into a process title, which Java's
     * own view of the command line then misses.
     */
    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException noProc) {
            return process.info().commandLine().orElse("");
        }
    }

    public static String describe(ProcessHandle process) {
        String command = commandLine(process).strip();
        return process.pid() + " " + (command.length() > 100 ? command.substring(0, 100) + "..." : command);
    }

    /** SIGTERM to all at once; SIGKILL for any still there after {@code grace}, and for their children. */
    public static void stop(List<ProcessHandle> orphans, Duration grace) {
        List<ProcessHandle> family = orphans.stream()
                .flatMap(orphan -> Stream.concat(Stream.of(orphan), orphan.descendants()))
                .toList();
        orphans.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle orphan : orphans) {
            awaitExit(orphan, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        for (ProcessHandle member : family) {
            if (member.isAlive()) {
                member.destroyForcibly();
                awaitExit(member, Duration.ofSeconds(5));
            }
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException stillThere) {
            // the caller decides what comes next
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
