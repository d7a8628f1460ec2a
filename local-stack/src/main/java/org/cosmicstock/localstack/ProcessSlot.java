package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The child process a part of the stack runs at any one time. Start and stop are guarded by one lock,
 * so a stop that arrives from the shutdown hook while start-up is spawning still finds the child.
 */
final class ProcessSlot {
    private final String owner;
    private JavaProcess process;
    private boolean stopped;

    ProcessSlot(String owner) {
        this.owner = owner;
    }

    synchronized JavaProcess start(String name, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        if (stopped) {
            throw new IOException(owner + " is being stopped");
        }
        process = JavaProcess.start(name, arguments, environment, log);
        return process;
    }

    synchronized JavaProcess current() {
        if (process == null) {
            throw new IllegalStateException(owner + " was not started");
        }
        return process;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Refuses later starts and stops the current child; false when it had to be killed. */
    boolean stop(Duration grace) {
        JavaProcess current;
        synchronized (this) {
            stopped = true;
            current = process;
        }
        return current == null || current.stop(grace);
    }
}
