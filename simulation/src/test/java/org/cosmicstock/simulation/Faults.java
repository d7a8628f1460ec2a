package org.cosmicstock.simulation;

import java.util.SplittableRandom;

/**
 * How often each fault strikes in one run, drawn from the seed: a run is calm in some respects and
 * stormy in others, so that the seeds together try each fault alone and in company. Rates are per
 * chance (per commit, per poll, per relay round...), in thousandths; weights are the scheduler's.
 */
final class Faults {

    private final SplittableRandom random;
    final int concurrentHandler;
    final int crashBeforeCommit;
    final int crashAfterCommit;
    final int crashBeforeOffsetCommit;
    final int revokedBeforeCommit;
    final int duplicateSend;
    final int brokerRefuses;
    final int ackLost;
    final int relayCrash;
    /** How often, as a relay round takes the lock, the other instance's relay runs a round just then. */
    final int relayRace;
    /** Scheduler weights of a rebalance and of a process crash between steps. */
    final int rebalance;

    final int processCrash;

    Faults(SplittableRandom random) {
        this.random = random;
        this.concurrentHandler = rate(150);
        this.crashBeforeCommit = rate(60);
        this.crashAfterCommit = rate(60);
        this.crashBeforeOffsetCommit = rate(60);
        this.revokedBeforeCommit = rate(60);
        this.duplicateSend = rate(100);
        this.brokerRefuses = rate(60);
        this.ackLost = rate(60);
        this.relayCrash = rate(80);
        this.rebalance = random.nextInt(3) == 0 ? 1 : 0;
        this.processCrash = random.nextInt(3) == 0 ? 1 : 0;
        this.relayRace = rate(300);
    }

    /** Off in a third of the runs, else up to {@code max} thousandths. */
    private int rate(int max) {
        return random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(max);
    }

    boolean happens(int rate) {
        return rate > 0 && random.nextInt(1000) < rate;
    }
}
