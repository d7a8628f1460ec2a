package org.cosmicstock.localstack;

import java.time.Duration;

/** Polls a child process until it answers, failing fast when it exits and clearly when it takes too long. */
final class Readiness {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** One attempt to reach the process; false (or an exception) means not yet. */
    interface Probe {
        boolean ready() throws Exception;
    }

    private Readiness() {}

    static void await(ChildProcess process, String what, Duration timeout, Probe probe) throws StartupException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw StartupException.withLog(
                        String.format(
                                "%s exited with code %d while starting.",
                                what, process.exitCode().orElse(-1)),
                        process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw StartupException.withLog(
                        String.format("%s was not ready within %d s (%s).", what, timeout.toSeconds(), lastProblem),
                        process.logFile());
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Interrupted while waiting for " + what);
            } catch (Exception notYet) {
                lastProblem = notYet.getMessage() == null ? notYet.getClass().getSimpleName() : notYet.getMessage();
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Interrupted while waiting for " + what);
            }
        }
    }
}
