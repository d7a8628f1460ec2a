package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The child process a part of the stack runs at any one time. Start and stop are guarded by one lock,
 * so a stop that arrives from the shutdown hook while start-up is spawning still finds the child. A
 * part may be stopped (or killed) and started again, as fault tests do; only {@link #close} is final.
 */
final class ProcessSlot {
    private final String owner;
    private ChildProcess process;
    /** True from a start until a deliberate stop or kill: a child that is gone while wanted crashed. */
    private boolean wanted;

    private boolean closed;

    ProcessSlot(String owner) {
        this.owner = owner;
    }

    synchronized ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        refuseIfClosed();
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(owner + " is already running (pid " + process.pid() + ")");
        }
        process = ChildProcess.start(name, command, environment, log);
        wanted = true;
        return process;
    }

    /** Fails when the stack is being stopped, so that no part starts behind the shutdown's back. */
    synchronized void refuseIfClosed() throws IOException {
        if (closed) {
            throw new IOException(owner + " is being stopped");
        }
    }

    synchronized ChildProcess current() {
        if (process == null) {
            throw new IllegalStateException(owner + " was not started");
        }
        return process;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Whether the child ended although nobody stopped it: a crash, or a failed start. */
    synchronized boolean exitedUnexpectedly() {
        return wanted && process != null && !process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The child's resident memory now; empty when it is not running. */
    OptionalLong residentBytes() {
        long pid;
        synchronized (this) {
            if (!isRunning()) {
                return OptionalLong.empty();
            }
            pid = process.pid();
        }
        return ResidentMemory.of(pid);
    }

    /** Stops the current child; a later start may run it again. False when it had to be killed. */
    boolean stop(Duration grace) {
        ChildProcess current = unwanted();
        return current == null || current.stop(grace);
    }

    /** SIGKILL, as a crash would end it; a later start may run it again. */
    void kill() {
        ChildProcess current = unwanted();
        if (current != null) {
            current.kill();
        }
    }

    /** Marks the child as ended on purpose (so its exit is no crash); the child, null if none was started. */
    private synchronized ChildProcess unwanted() {
        wanted = false;
        return process;
    }

    /** Refuses later starts and stops the current child; false when it had to be killed. */
    boolean close(Duration grace) {
        synchronized (this) {
            closed = true;
        }
        return stop(grace);
    }
}
