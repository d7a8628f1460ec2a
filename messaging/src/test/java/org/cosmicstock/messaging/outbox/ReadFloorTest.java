package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cosmicstock.messaging.bus.MessageContext;
import org.junit.jupiter.api.Test;

/**
 * The floor's rules, round by round. A round is what its read saw: the rows, the oldest transaction
 * still running, the last id taken and (asked for) the round's own transaction id as a mark.
 */
class ReadFloorTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private static final int LIMIT = 10;
    private static final long NO_MARK = -1;

    private final ReadFloor floor = new ReadFloor();

    @Test
    void theFirstReadStartsAtTheVeryStartAndTheNextOnesAfterWhatWasPublished() {
        assertThat(floor.readAfter(T0)).isZero();
        round(100, 3, NO_MARK, 1, 2, 3);

        assertThat(floor.readAfter(T0.plusMillis(1))).isEqualTo(3);
        assertThat(floor.wantsMark()).as("no gap, no mark").isFalse();
    }

    /** The bug of 8ded70d: a 5 s wait at a gap, then passing it, published a later row of a key first. */
    @Test
    void aTransactionStillRunningHoldsTheFloorAtItsIdHoweverLongItRuns() {
        floor.readAfter(T0);
        round(100, 2, NO_MARK, 1, 2);
        // Transaction 105 took id 3 and still runs; 4 and 5 were committed and published.
        round(105, 5, NO_MARK, 4, 5);
        assertThat(floor.wantsMark()).isTrue();
        round(105, 5, 120, new long[0]);
        for (int minute = 1; minute <= 10; minute++) {
            // Others come and go; 105 is still running: the mark (120) never settles.
            round(105, 5, NO_MARK, new long[0]);
        }
        assertThat(floor.readAfter(T0.plusSeconds(30)))
                .as("row 3 is read from here")
                .isEqualTo(2);

        round(121, 5, NO_MARK, 3);
        assertThat(floor.readAfter(T0.plusSeconds(31))).isEqualTo(5);
    }

    @Test
    void anIdNoTransactionCanStillFillIsPassedOnceTheMarkSettles() {
        floor.readAfter(T0);
        round(100, 1, NO_MARK, 1);
        // Id 2 was rolled back (or published by another instance): 3 is read, 2 never will be.
        round(100, 3, NO_MARK, 3);
        assertThat(floor.floor()).isEqualTo(1);
        round(100, 3, 110, new long[0]);
        assertThat(floor.floor())
                .as("the mark is this round's own: not settled by it")
                .isEqualTo(1);

        round(111, 3, NO_MARK, new long[0]);
        assertThat(floor.floor()).isEqualTo(3);
        assertThat(floor.wantsMark()).isFalse();
    }

    @Test
    void theFloorKeepsUpUnderLoadWhereAGapIsAlwaysOpen() {
        floor.readAfter(T0);
        round(100, 1, NO_MARK, 1);
        // Every round finds a new transaction still running below what it publishes.
        round(101, 4, NO_MARK, 3, 4);
        round(103, 7, 120, 6, 7);
        round(121, 10, NO_MARK, 2, 9, 10);
        assertThat(floor.floor())
                .as("ids up to 7 settled with the mark; 5 was never read, 8 may still commit")
                .isEqualTo(7);
        round(122, 12, 130, 8, 11, 12);
        assertThat(floor.floor()).isEqualTo(12);
    }

    @Test
    void aSettledMarkPassesNothingAReadCutShortDidNotLookAt() {
        floor.readAfter(T0);
        round(100, 1, NO_MARK, 1);
        round(100, 40, NO_MARK, 5);
        round(100, 40, 110, new long[0]);
        long[] full = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        round(111, 40, NO_MARK, full);

        assertThat(floor.floor())
                .as("the read stopped at 20: 21 to 40 were not looked at")
                .isEqualTo(20);
    }

    @Test
    void whatTheBrokerDidNotAcknowledgeIsReadAgainEvenWhenTheMarkSettled() {
        aGapAtTwoAndAMarkTaken();
        floor.afterRound(read(111, 9, NO_MARK, 5, 6, 7), 1, LIMIT);

        assertThat(floor.readAfter(T0.plusMillis(1)))
                .as("6 and 7 wait, and what follows")
                .isEqualTo(5);
    }

    @Test
    void aReadWithoutTheLockChangesNothing() {
        aGapAtTwoAndAMarkTaken();
        floor.afterRound(RelayOutbox.Read.notLocked(), 0, LIMIT);
        floor.afterRound(RelayOutbox.Read.notLocked(), 0, LIMIT);

        assertThat(floor.floor()).as("another relay may be sending 2").isEqualTo(1);
    }

    @Test
    void everySweepReadsFromTheVeryStartForMarksACrashLost() {
        floor.readAfter(T0);
        round(100, 2, NO_MARK, 1, 2);
        assertThat(floor.readAfter(T0.plus(ReadFloor.SWEEP).minusMillis(1))).isEqualTo(2);

        assertThat(floor.readAfter(T0.plus(ReadFloor.SWEEP))).isZero();
        round(100, 2, NO_MARK, 1, 2);
        assertThat(floor.readAfter(T0.plus(ReadFloor.SWEEP).plusMillis(1))).isEqualTo(2);
    }

    @Test
    void aRequeueMakesTheNextReadStartAtTheVeryStart() {
        floor.readAfter(T0);
        round(100, 2, NO_MARK, 1, 2);

        floor.sweepNext();
        assertThat(floor.readAfter(T0.plusMillis(1))).isZero();
    }

    /** Rows 1 and 3 published, id 2 unseen while transaction 100 still runs, and mark 110 taken. */
    private void aGapAtTwoAndAMarkTaken() {
        floor.readAfter(T0);
        round(100, 1, NO_MARK, 1);
        round(100, 9, NO_MARK, 3);
        round(100, 9, 110, new long[0]);
    }

    private void round(long oldestRunning, long lastIdTaken, long mark, long... published) {
        RelayOutbox.Read read = read(oldestRunning, lastIdTaken, mark, published);
        floor.afterRound(read, read.rows().size(), LIMIT);
    }

    private static RelayOutbox.Read read(long oldestRunning, long lastIdTaken, long mark, long... ids) {
        List<OutboxRow> rows = Arrays.stream(ids).mapToObj(ReadFloorTest::row).toList();
        return new RelayOutbox.Read(true, rows, oldestRunning, lastIdTaken, mark);
    }

    private static OutboxRow row(long id) {
        return new OutboxRow(id, MessageContext.newFlow("/test"), "t", "SKU-" + id, "org.x.E", new byte[0], T0, 0);
    }
}
