package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadFloorTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    private final ReadFloor floor = new ReadFloor();

    @Test
    void theFirstReadStartsAtTheVeryStartAndTheNextOnesAfterWhatWasPublished() {
        assertThat(floor.readAfter(T0)).isZero();
        floor.published(41, List.of(41L, 42L, 43L), T0);

        assertThat(floor.readAfter(T0.plusMillis(1))).isEqualTo(43);
    }

    @Test
    void aRowStillCommittingHoldsTheFloorSoItIsReadAsSoonAsItIsVisible() {
        floor.readAfter(T0);
        floor.published(1, List.of(1L, 2L), T0);
        // Row 3 took its id first but is not committed yet: 4 and 5 are published before it.
        floor.published(4, List.of(4L, 5L), T0.plusMillis(10));
        assertThat(floor.readAfter(T0.plusMillis(20)))
                .as("row 3 is read from here")
                .isEqualTo(2);

        floor.published(3, List.of(3L), T0.plusMillis(30));
        assertThat(floor.readAfter(T0.plusMillis(40))).isEqualTo(5);
    }

    @Test
    void aGapOlderThanTheWaitIsPassed() {
        floor.readAfter(T0);
        floor.published(1, List.of(1L), T0);
        // Row 2 was rolled back: its id is never used.
        floor.published(3, List.of(3L), T0.plusMillis(10));
        floor.published(
                4, List.of(4L), T0.plusMillis(10).plus(ReadFloor.GAP_WAIT).minusMillis(1));
        assertThat(floor.floor()).isEqualTo(1);

        floor.published(5, List.of(5L), T0.plusMillis(10).plus(ReadFloor.GAP_WAIT));
        assertThat(floor.floor()).isEqualTo(5);
        assertThat(floor.readAfter(T0.plusSeconds(6))).isEqualTo(5);
    }

    @Test
    void everySweepReadsFromTheVeryStartForWhatCommittedLaterStillOrWasRequeued() {
        floor.readAfter(T0);
        floor.published(1, List.of(1L, 2L), T0);
        assertThat(floor.readAfter(T0.plus(ReadFloor.SWEEP).minusMillis(1))).isEqualTo(2);

        assertThat(floor.readAfter(T0.plus(ReadFloor.SWEEP))).isZero();
        assertThat(floor.readAfter(T0.plus(ReadFloor.SWEEP).plusMillis(1))).isEqualTo(2);
    }

    @Test
    void aRequeueMakesTheNextReadStartAtTheVeryStart() {
        floor.readAfter(T0);
        floor.published(1, List.of(1L, 2L), T0);

        floor.sweepNext();
        assertThat(floor.readAfter(T0.plusMillis(1))).isZero();
        assertThat(floor.readAfter(T0.plusMillis(2))).isEqualTo(2);
    }

    @Test
    void rowsASweepFindsBelowTheFloorLeaveItWhereItIs() {
        floor.readAfter(T0);
        floor.published(10, List.of(10L, 11L), T0);
        floor.published(4, List.of(4L, 12L), T0.plus(ReadFloor.SWEEP));

        assertThat(floor.floor()).isEqualTo(12);
    }

    @Test
    void whatTheBrokerDidNotAcknowledgeIsReadAgain() {
        floor.readAfter(T0);
        floor.published(7, List.of(), T0);
        assertThat(floor.readAfter(T0.plusMillis(1))).isEqualTo(6);
    }
}
