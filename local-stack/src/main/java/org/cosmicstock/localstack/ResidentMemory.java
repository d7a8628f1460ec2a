package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process's resident set size as Linux reports it in {@code /proc/<pid>/status} (VmRSS). */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** Empty when the process is gone or the system has no /proc (not Linux). */
    public static OptionalLong of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:	  274048 kB"
                    String kilobytes =
                            line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException | SecurityException gone) {
            return OptionalLong.empty();
        }
    }

    /** "312 MB", or "-" when unknown. */
    public static String describe(OptionalLong bytes) {
        return bytes.isPresent() ? String.format("%d MB", bytes.getAsLong() / (1024 * 1024)) : "-";
    }
}
