package org.cosmicstock.messaging.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RetryingTest {

    private Instant now = Instant.parse("2026-12-07T00:00:00Z");
    private final InstantSource clock = () -> now;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger log;

    @BeforeEach
    void captureTheLog() {
        log = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("RetryingTest." + System.nanoTime());
        log.setLevel(Level.INFO);
        log.setAdditive(false);
        logged.start();
        log.addAppender(logged);
    }

    @Test
    void aFailureIsReportedWhenItStartsOnceAMinuteWhileItLastsAndWhenItIsOver() {
        Retrying retrying = new Retrying(
                log, "Thing", new Backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ZERO), clock);

        retrying.failed(new IllegalStateException("away"));
        move(Duration.ofSeconds(30));
        retrying.failed(new IllegalStateException("away"));
        move(Duration.ofSeconds(31));
        retrying.failed(new IllegalStateException("still away"));
        move(Duration.ofSeconds(10));
        retrying.failed(new IllegalStateException("still away"));
        retrying.succeeded();
        retrying.succeeded();

        assertThat(lines())
                .containsExactly(
                        "WARN Thing failing, retrying in 100 ms: java.lang.IllegalStateException: away",
                        "WARN Thing still failing after 3 attempts over 61 s, next in 400 ms:"
                                + " java.lang.IllegalStateException: still away",
                        "INFO Thing recovered after 4 failed attempt(s) over 71 s");
        assertThat(logged.list.get(0).getThrowableProxy()).isNotNull();
        assertThat(retrying.attempts()).isZero();
        assertThat(retrying.failingFor()).isZero();
    }

    @Test
    void thePausesDoubleUpToTheCapAndStartAgainAfterARecovery() {
        Retrying retrying = new Retrying(
                log, "Thing", new Backoff(Duration.ofMillis(100), 2, Duration.ofMillis(500), Duration.ZERO), clock);

        List<Long> pauses = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pauses.add(retrying.failed(new RuntimeException()).toMillis());
        }
        move(Duration.ofSeconds(2));
        assertThat(retrying.failingFor()).isEqualTo(Duration.ofSeconds(2));
        retrying.succeeded();

        assertThat(pauses).containsExactly(100L, 200L, 400L, 500L, 500L);
        assertThat(retrying.failed(new RuntimeException())).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void jitterAddsAtMostItsOwnLength() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), 3, Duration.ofSeconds(1), Duration.ofMillis(20));

        for (int i = 0; i < 200; i++) {
            assertThat(backoff.after(2).toMillis()).isBetween(300L, 320L);
            assertThat(backoff.after(9).toMillis()).isBetween(1_000L, 1_020L);
        }
    }

    @Test
    void aBackoffThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReasonIsTheRootCauseThroughExecutionExceptions() {
        Exception wrapped = new java.util.concurrent.ExecutionException(new IllegalStateException("inner"));

        assertThat(Retrying.reason(wrapped)).isEqualTo("java.lang.IllegalStateException: inner");
        assertThat(Retrying.reason(new RuntimeException("outer", new IllegalStateException("inner"))))
                .isEqualTo("java.lang.RuntimeException: outer");
    }

    private void move(Duration by) {
        now = now.plus(by);
    }

    private List<String> lines() {
        return logged.list.stream()
                .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .toList();
    }
}
