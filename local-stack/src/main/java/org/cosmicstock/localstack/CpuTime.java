package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time a process has used (user plus system, from {@code /proc/<pid>/stat}). On a machine
 * whose cores are shared, a start-up's CPU time says more than its wall-clock time, which grows with
 * whatever else runs.
 */
public final class CpuTime {
    /** USER_HZ: the unit of /proc's times, 100 on every Linux the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {}

    /** Empty when the process is gone or the system has no /proc (not Linux). */
    public static Optional<Duration> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
