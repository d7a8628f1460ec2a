package org.cosmicstock.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the stack has started, stopped newest first. Start-up and a Ctrl-C run on different threads, so
 * a part is registered before it starts: a stop that comes mid-start still finds it.
 */
final class RunningParts {
    private final PrintStream out;
    private final Deque<Part> parts = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    /** Stops a part; false when it had to be killed. */
    interface Stopper {
        boolean stop();
    }

    private record Part(String label, Stopper stopper, BooleanSupplier exitedUnexpectedly, Path logFile) {}

    RunningParts(PrintStream out) {
        this.out = out;
    }

    /**
     * {@code stopper} stops the part for good; {@code exitedUnexpectedly} tells a crash from a stop or
     * kill a fault test asked for.
     */
    void register(String label, Stopper stopper, BooleanSupplier exitedUnexpectedly, Path logFile)
            throws StartupException {
        synchronized (parts) {
            if (stopping) {
                throw new StartupException("Start-up cancelled: the stack is stopping.");
            }
            parts.push(new Part(label, stopper, exitedUnexpectedly, logFile));
        }
    }

    boolean isStopping() {
        synchronized (parts) {
            return stopping;
        }
    }

    /** A part that stopped by itself, explained with the end of its log. */
    Optional<String> unexpectedExit() {
        List<Part> snapshot;
        synchronized (parts) {
            snapshot = stopping ? List.of() : List.copyOf(parts);
        }
        return snapshot.stream()
                .filter(part -> part.exitedUnexpectedly().getAsBoolean())
                .findFirst()
                .map(part -> LogTail.explain(part.label() + " stopped unexpectedly.", part.logFile()));
    }

    /** Stops everything, newest first; a second caller waits until the first has finished. */
    void stopAll() {
        List<Part> toStop;
        synchronized (parts) {
            toStop = stopping ? null : List.copyOf(parts);
            stopping = true;
        }
        if (toStop == null) {
            awaitStopped();
            return;
        }
        try {
            if (!toStop.isEmpty()) {
                out.println();
                out.println("Stopping the local stack...");
            }
            toStop.forEach(this::stop);
            if (!toStop.isEmpty()) {
                out.println("Everything stopped.");
            }
        } finally {
            stopped.countDown();
        }
    }

    private void stop(Part part) {
        long begun = System.nanoTime();
        try {
            boolean graceful = part.stopper().stop();
            String outcome = graceful
                    ? String.format("stopped in %.1f s", Seconds.since(begun))
                    : "did not stop in time and was killed";
            out.printf("  %-22s %s%n", part.label(), outcome);
        } catch (RuntimeException e) {
            out.printf("  %-22s could not be stopped: %s%n", part.label(), e.getMessage());
        }
        out.flush();
    }

    private void awaitStopped() {
        try {
            stopped.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
