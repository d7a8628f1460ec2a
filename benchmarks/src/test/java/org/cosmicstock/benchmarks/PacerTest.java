package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCappedRateSpreadsCommandsEvenlyFromTheFirstAtOnce() {
        Pacer pacer = new Pacer(200);

        assertThat(pacer.dueBy(0)).isEqualTo(1);
        assertThat(pacer.dueBy(SECOND / 200 - 1)).isEqualTo(1);
        assertThat(pacer.dueBy(SECOND / 200)).isEqualTo(2);
        assertThat(pacer.dueBy(SECOND)).isEqualTo(201);
        assertThat(pacer.dueBy(60 * SECOND)).isEqualTo(12_001);
    }

    @Test
    void aPauseIsCaughtUpSoTheOfferedRateHolds() {
        Pacer pacer = new Pacer(1000);

        // Nothing sent for half a second: 500 are due at once, not one.
        assertThat(pacer.dueBy(SECOND / 2)).isEqualTo(501);
    }

    @Test
    void tellsHowLongUntilTheNextCommand() {
        Pacer pacer = new Pacer(3);

        assertThat(pacer.nanosUntil(0, 0)).isZero();
        assertThat(pacer.nanosUntil(1, 0)).isEqualTo(333_333_334L);
        assertThat(pacer.nanosUntil(1, 333_333_334L)).isZero();
        assertThat(pacer.nanosUntil(3, SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void anUnboundedRateHasEverythingDueNow() {
        Pacer pacer = new Pacer(0);

        assertThat(pacer.dueBy(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(pacer.nanosUntil(1_000_000, 0)).isZero();
    }

    @Test
    void noNegativeRate() {
        assertThatThrownBy(() -> new Pacer(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitsInWholeMillisecondsSoThatASubMillisecondGapIsNotAZeroPoll() {
        Pacer pacer = new Pacer(1000);
        Duration cap = Duration.ofMillis(10);

        // Command 1 is due at 1 ms: 0.4 ms before it, the wait is one whole millisecond, not 0.
        assertThat(pacer.wait(1, 600_000, cap)).isEqualTo(Duration.ofMillis(1));
        assertThat(pacer.wait(1, 1_000_000, cap)).isZero();
        assertThat(pacer.wait(2, 0, cap)).isEqualTo(Duration.ofMillis(2));
        assertThat(pacer.wait(500, 0, cap)).isEqualTo(cap);
        assertThat(new Pacer(0).wait(5, 0, cap)).isZero();
    }
}
