package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A part of the stack that runs as one child process at a time (the broker, the registry, Redis, a
 * service instance): what every such part answers from its {@link ProcessSlot}. A part may be stopped
 * or killed and started again, as fault tests do; only {@link #close} is final.
 */
public abstract class StackProcess implements AutoCloseable {
    final ProcessSlot slot;
    private boolean started;

    StackProcess(String owner) {
        this.slot = new ProcessSlot(owner);
    }

    /**
     * The first step of every start: fails when the stack is being stopped and, on the first start only,
     * keeps the previous run's log; a restart appends to the same log, so a fault test's story is in one file.
     */
    final synchronized void beginStart(Path logFile) throws IOException {
        slot.refuseIfClosed();
        if (!started) {
            ChildProcess.keepPreviousLog(logFile);
            started = true;
        }
    }

    /** How long a SIGTERM is given before the child is killed. */
    abstract Duration stopGrace();

    /** Called with whether the child ended gracefully, after every stop, kill and close; returns it. */
    boolean afterExit(boolean graceful) {
        return graceful;
    }

    public boolean isRunning() {
        return slot.isRunning();
    }

    /** Whether it ended although nobody stopped or killed it: a crash, or a failed start. */
    public boolean exitedUnexpectedly() {
        return slot.exitedUnexpectedly();
    }

    public long pid() {
        return slot.pid();
    }

    /** Its resident memory now; empty when it is not running. */
    public OptionalLong residentBytes() {
        return slot.residentBytes();
    }

    /** SIGTERM, as an orderly outage would end it; a later start brings it back. False if it had to be killed. */
    public boolean stop() {
        return afterExit(slot.stop(stopGrace()));
    }

    /** SIGKILL, as a crash would end it; a later start brings it back. */
    public void kill() {
        slot.kill();
        afterExit(false);
    }

    /** Stops it for good: a later start fails. */
    @Override
    public void close() {
        shutDown();
    }

    boolean shutDown() {
        return afterExit(slot.close(stopGrace()));
    }
}
