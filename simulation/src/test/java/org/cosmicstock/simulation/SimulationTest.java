package org.cosmicstock.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole suite, simulated over thousands of seeds: every invariant holds after every run.
 * {@code -Dsimulation.seeds=N} explores more (a soak), {@code -Dsimulation.first-seed=F} elsewhere;
 * {@code -Dsimulation.seed=S} replays one seed and prints its whole trace ({@code
 * -Dsimulation.variant=INBOX_DISABLED} and the like replay a seed of a deliberately broken run).
 */
class SimulationTest {

    /** What the default run must have done at least once, or it tests less than it claims. */
    private static final List<String> EXERCISED = List.of(
            "concurrent handler committed first",
            "version conflict at commit (StaleAggregate)",
            "duplicate delivery dropped by the inbox",
            "duplicate send",
            "rebalance",
            "revoked before the offset commit",
            "crash: allocation crashed before its database commit",
            "crash: orders crashed before its database commit",
            "crash: allocation crashed after its database commit, before the relay published",
            "crash: orders crashed after its database commit, before the relay published",
            "crash: allocation crashed after handling a poll, before committing the offset",
            "crash: orders crashed after handling a poll, before committing the offset",
            "crash: allocation crashed in a relay after publishing, before marking rows",
            "crash: orders crashed in a relay after publishing, before marking rows",
            "crash: stock-view crashed (kill -9) between steps",
            "relays race",
            "relay lock taken by the other relay",
            "broker refuses a row",
            "acknowledgement lost",
            "not yet (RetryFrom)",
            "dead letter");

    @Test
    void everyInvariantHoldsForEverySeed() {
        Long replay = Simulation.replaySeed();
        if (replay != null) {
            Simulation.Outcome outcome = Simulation.run(replay, Simulation.replayVariant(), true);
            System.out.println(Simulation.report(outcome, true));
            if (outcome.failed()) {
                fail(Simulation.report(outcome, false));
            }
            return;
        }
        long start = System.nanoTime();
        Map<String, Long> tally = new TreeMap<>();
        Simulation.Outcome failed =
                Simulation.explore(Variant.CORRECT, Simulation.firstSeed(), Simulation.seeds(), tally);
        System.out.printf(
                "Simulated %d seeds from %d in %d ms%n",
                Simulation.seeds(), Simulation.firstSeed(), (System.nanoTime() - start) / 1_000_000);
        tally.forEach((what, n) -> System.out.printf("%8d  %s%n", n, what));
        if (failed != null) {
            fail(Simulation.report(failed, false));
        }
        if (Simulation.seeds() >= Simulation.DEFAULT_SEEDS) {
            assertThat(tally.keySet()).as("what the seeds made happen").containsAll(EXERCISED);
        }
    }

    @Test
    void aSeedReplaysTheSameRunStepForStep() {
        for (long seed = 1; seed <= 20; seed++) {
            Simulation.Outcome first = Simulation.run(seed, Variant.CORRECT, true);
            Simulation.Outcome second = Simulation.run(seed, Variant.CORRECT, true);
            assertThat(first.trace().lines()).isNotEmpty();
            assertThat(second.trace().lines()).isEqualTo(first.trace().lines());
            assertThat(second.violations()).isEqualTo(first.violations());
            assertThat(second.tally()).isEqualTo(first.tally());
        }
    }
}
