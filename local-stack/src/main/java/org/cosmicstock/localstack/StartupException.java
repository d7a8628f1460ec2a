package org.cosmicstock.localstack;

import java.nio.file.Path;

/** Something the stack needs did not start; the message says what and where to look. */
public final class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }

    /** A failure of a child process, with the end of its log so the cause is usually on screen. */
    public static StartupException withLog(String message, Path logFile) {
        return new StartupException(LogTail.explain(message, logFile));
    }
}
