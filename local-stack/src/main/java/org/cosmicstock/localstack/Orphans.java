package org.cosmicstock.localstack;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Processes left behind by a launcher that could not stop them (kill -9, a crash). Every child names
 * a path in the data directory on its command line: Kafka its server.properties, PostgreSQL its data
 * directory, a service its log file. That is how they are recognised here.
 */
public final class Orphans {

    private Orphans() {}

    /**
     * Live JVMs and postmasters, other than this process, whose command line names a path inside
     * {@code dir}; only those two, so that a {@code tail -f} on a log is left alone.
     */
    public static List<ProcessHandle> under(Path dir) {
        String prefix = dir.toAbsolutePath().normalize() + File.separator;
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self && process.isAlive())
                .filter(process ->
                        process.info().command().map(Orphans::isOurKind).orElse(false))
                .filter(process -> process.info().commandLine().orElse("").contains(prefix))
                .toList();
    }

    private static boolean isOurKind(String executable) {
        String name = Path.of(executable).getFileName().toString();
        return name.equals("java") || name.equals("postgres");
    }

    public static String describe(ProcessHandle process) {
        String command = process.info().commandLine().orElse("?");
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
