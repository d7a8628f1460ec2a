package org.cosmicstock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulation finds what it is for: with one guarantee broken on purpose (in the harness, never in
 * the services), some seed of the default budget violates an invariant, and its report names the seed.
 */
class BrokenGuaranteesTest {

    @ParameterizedTest
    @EnumSource(
            value = Variant.class,
            names = {"INBOX_DISABLED", "OFFSETS_BEFORE_COMMIT", "MARK_BEFORE_ACK", "RELAY_READS_BEFORE_LOCK"})
    void aBrokenGuaranteeIsFoundWithinTheDefaultBudget(Variant broken) {
        Simulation.Outcome found = Simulation.explore(broken, 1, Simulation.DEFAULT_SEEDS);

        assertThat(found).as("a seed that shows %s breaks an invariant", broken).isNotNull();
        System.out.println(broken + ": seed " + found.seed() + " of the default budget breaks "
                + found.violations().stream().map(Invariants.Violation::text).collect(Collectors.joining("; ")));
        System.out.println(Simulation.report(found, false));
        // The report replays: the same seed breaks the same way again.
        assertThat(Simulation.run(found.seed(), broken, false).violations()).isEqualTo(found.violations());
    }
}
