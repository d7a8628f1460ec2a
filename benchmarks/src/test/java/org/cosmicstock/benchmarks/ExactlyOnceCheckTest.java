package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.cosmicstock.benchmarks.OutcomeLedger.Effect;
import org.cosmicstock.benchmarks.OutcomeLedger.Kind;
import org.junit.jupiter.api.Test;

class ExactlyOnceCheckTest {

    private final OutcomeLedger ledger = new OutcomeLedger("load-test");

    @Test
    void everyKindOfOutcomeCountsOnceAndPasses() {
        int a = ledger.register(Phase.MEASURED, 0);
        int b = ledger.register(Phase.MEASURED, 0);
        int c = ledger.register(Phase.WARMUP, 0);

        outcome(Kind.ALLOCATED, a);
        outcome(Kind.OUT_OF_STOCK, b);
        outcome(Kind.REJECTED, c);

        ExactlyOnceCheck check = ExactlyOnceCheck.of(ledger, LoadSettings.Mode.ALLOCATE);
        assertThat(check.passed()).isTrue();
        assertThat(check.exact()).isEqualTo(3);
        assertThat(check.faults(false)).isEmpty();
        assertThat(ledger.owed()).isZero();
    }

    @Test
    void anOrderWithoutOutcomeIsMissingAndNamed() {
        int a = ledger.register(Phase.MEASURED, 0);
        ledger.register(Phase.MEASURED, 0);
        outcome(Kind.ALLOCATED, a);

        ExactlyOnceCheck check = ExactlyOnceCheck.of(ledger, LoadSettings.Mode.ALLOCATE);

        assertThat(check.passed()).isFalse();
        assertThat(check.missing()).isEqualTo(1);
        assertThat(check.doubled()).isZero();
        assertThat(check.faults(false))
                .singleElement()
                .asString()
                .startsWith("MISSING")
                .contains("load-test-1");
        assertThat(ledger.owed()).isEqualTo(1);
    }

    @Test
    void aSecondOutcomeOfAnyKindIsDoubled() {
        int a = ledger.register(Phase.MEASURED, 0);
        int b = ledger.register(Phase.PRELOAD, 0);
        outcome(Kind.ALLOCATED, a);
        outcome(Kind.ALLOCATED, a);
        outcome(Kind.ALLOCATED, b);
        outcome(Kind.OUT_OF_STOCK, b);

        ExactlyOnceCheck check = ExactlyOnceCheck.of(ledger, LoadSettings.Mode.ALLOCATE);

        assertThat(check.doubled()).isEqualTo(2);
        assertThat(check.missing()).isZero();
        assertThat(check.faults(false)).singleElement().asString().contains("load-test-0", "load-test-1");
    }

    @Test
    void aMovedLineOwesOneMoreAllocation() {
        aLineAllocatedThenAskedToMove();
        assertThat(ledger.owed()).isEqualTo(1);

        assertThat(ledger.record(Kind.DEALLOCATED, "load-test-0", "dealloc-cause", 20))
                .isEqualTo(Effect.OTHER);
        assertThat(reallocationCheck().missing()).isEqualTo(1);

        assertThat(ledger.record(Kind.ALLOCATED, "load-test-0", "some-deallocated-id", 30))
                .isEqualTo(Effect.REALLOCATED);
        assertThat(ledger.owed()).isZero();
        assertThat(reallocationCheck().passed()).isTrue();
        assertThat(ledger.moveLatencies().summary().maxMs()).isEqualTo(20 / 1e6);
        // a re-allocation is caused by the Deallocated, not by the Allocate: not a mismatch
        assertThat(ledger.causationMismatches()).isZero();

        ledger.record(Kind.ALLOCATED, "load-test-0", "again", 40);
        assertThat(reallocationCheck().doubled()).isEqualTo(1);
    }

    @Test
    void aMovedLineThatDoesNotMoveIsMissing() {
        aLineAllocatedThenAskedToMove();

        assertThat(reallocationCheck().missing()).isEqualTo(1);
    }

    @Test
    void aDeallocatedTwiceIsDoubledNotMissing() {
        aLineAllocatedThenAskedToMove();
        ledger.record(Kind.DEALLOCATED, "load-test-0", "x", 20);
        ledger.record(Kind.DEALLOCATED, "load-test-0", "x", 21);
        ledger.record(Kind.ALLOCATED, "load-test-0", "y", 30);

        ExactlyOnceCheck check = reallocationCheck();

        assertThat(check.doubled()).isEqualTo(1);
        assertThat(check.missing()).isZero();
    }

    @Test
    void aMovedLineLeftOutOfStockIsNotReallocated() {
        aLineAllocatedThenAskedToMove();
        ledger.record(Kind.DEALLOCATED, "load-test-0", "x", 20);
        ledger.record(Kind.OUT_OF_STOCK, "load-test-0", "y", 30);

        ExactlyOnceCheck check = reallocationCheck();

        assertThat(check.passed()).isFalse();
        assertThat(check.faults(false)).singleElement().asString().startsWith("NOT RE-ALLOCATED");
    }

    @Test
    void aCommandTheProducerCouldNotSendOwesNothingButFailsTheRun() {
        ledger.register(Phase.MEASURED, 0);
        ledger.sendFailed(0);

        ExactlyOnceCheck check = ExactlyOnceCheck.of(ledger, LoadSettings.Mode.ALLOCATE);

        assertThat(ledger.owed()).isZero();
        assertThat(check.sendFailures()).isEqualTo(1);
        assertThat(check.passed()).isFalse();
    }

    @Test
    void eventsOfOtherRunsAreNotOurs() {
        ledger.register(Phase.MEASURED, 0);

        assertThat(ledger.record(Kind.ALLOCATED, "load-other-0", null, 1)).isEqualTo(Effect.NOT_OURS);
        assertThat(ledger.record(Kind.ALLOCATED, "load-test-7", null, 1)).isEqualTo(Effect.NOT_OURS);
        assertThat(ledger.record(Kind.ALLOCATED, "load-test-x", null, 1)).isEqualTo(Effect.NOT_OURS);
        assertThat(ledger.record(Kind.ALLOCATED, "order-1", null, 1)).isEqualTo(Effect.NOT_OURS);
        assertThat(ledger.owed()).isEqualTo(1);
    }

    @Test
    void measuredLatencyRunsFromSendToFirstOutcomeOnly() {
        int warm = ledger.register(Phase.WARMUP, 0);
        int measured = ledger.register(Phase.MEASURED, 1_000_000);
        ledger.record(Kind.ALLOCATED, ledger.orderId(warm), ledger.commandId(warm), 9_000_000);
        ledger.record(Kind.ALLOCATED, ledger.orderId(measured), ledger.commandId(measured), 4_000_000);
        ledger.record(Kind.ALLOCATED, ledger.orderId(measured), ledger.commandId(measured), 8_000_000);

        assertThat(ledger.measuredLatencies().count()).isEqualTo(1);
        assertThat(ledger.measuredLatencies().summary().maxMs()).isEqualTo(3.0);
    }

    @Test
    void anOutcomeWithoutTheCommandsIdAsCausationIsCounted() {
        int a = ledger.register(Phase.MEASURED, 0);
        ledger.record(Kind.ALLOCATED, ledger.orderId(a), "someone-else", 1);

        assertThat(ledger.causationMismatches()).isEqualTo(1);
    }

    /** Line load-test-0, allocated at preload and then asked to move at 10 ns: it owes one more allocation. */
    private void aLineAllocatedThenAskedToMove() {
        int a = ledger.register(Phase.PRELOAD, 0);
        outcome(Kind.ALLOCATED, a);
        ledger.moveRequested(a, 10);
    }

    private ExactlyOnceCheck reallocationCheck() {
        return ExactlyOnceCheck.of(ledger, LoadSettings.Mode.REALLOCATE);
    }

    private void outcome(Kind kind, int seq) {
        ledger.record(kind, ledger.orderId(seq), ledger.commandId(seq), 1);
    }
}
