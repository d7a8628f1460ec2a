package org.cosmicstock.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a child's log, read without loading the whole file: a broker's log grows large. */
public final class LogTail {
    public static final int LINES = 30;
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    public static String last(Path logFile, int lines) {
        if (!Files.exists(logFile)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** {@code message}, then the last lines of the log, indented, so that the cause is usually on screen. */
    public static String explain(String message, Path logFile) {
        String tail = last(logFile, LINES);
        return String.format(
                "%s%nLast %d lines of %s:%n%s",
                message, LINES, logFile, tail.isBlank() ? "    (empty)\n" : tail.indent(4));
    }
}
