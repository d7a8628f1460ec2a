package org.cosmicstock.messaging.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * Something that fails for a transient reason and is tried again until it succeeds: its back-off,
 * and the three lines an operator reads, when it starts failing (with the stack trace), once a
 * minute while it keeps failing, and when it recovers. One per thing that fails (a partition, the
 * outbox relay, a wave of event handlers); not thread-safe.
 */
public final class Retrying {

    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final Logger log;
    private final String what;
    private final Backoff backoff;
    private final InstantSource clock;
    private Instant since;
    private Instant reportedAt;
    private int attempts;

    /** @param what names what fails in the log lines, e.g. "Outbox relay" */
    public Retrying(Logger log, String what, Backoff backoff, InstantSource clock) {
        this.log = log;
        this.what = what;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Records a failed attempt and reports it if it is the first or the first for a minute; returns the pause before the next. */
    public Duration failed(Throwable cause) {
        Instant now = clock.instant();
        attempts++;
        Duration pause = backoff.after(attempts);
        if (since == null) {
            since = now;
            reportedAt = now;
            log.warn("{} failing, retrying in {} ms: {}", what, pause.toMillis(), reason(cause), cause);
        } else if (Duration.between(reportedAt, now).compareTo(REPORT_EVERY) >= 0) {
            reportedAt = now;
            log.warn(
                    "{} still failing after {} attempts over {} s, next in {} ms: {}",
                    what,
                    attempts,
                    Duration.between(since, now).toSeconds(),
                    pause.toMillis(),
                    reason(cause));
        }
        return pause;
    }

    /** The attempt succeeded: if it was failing, it has recovered (and says so). */
    public void succeeded() {
        if (since != null) {
            log.info(
                    "{} recovered after {} failed attempt(s) over {} s",
                    what,
                    attempts,
                    Duration.between(since, clock.instant()).toSeconds());
            since = null;
            attempts = 0;
        }
    }

    /** Failed attempts since it last succeeded. */
    public int attempts() {
        return attempts;
    }

    /** How long it has been failing, zero if it is not. */
    public Duration failingFor() {
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    /** The root cause as "ExceptionClass: message" (through {@code ...ExecutionException} wrappers): what an operator needs first. */
    public static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null
                && cause.getCause() != cause
                && cause.getClass().getName().endsWith("ExecutionException")) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }
}
