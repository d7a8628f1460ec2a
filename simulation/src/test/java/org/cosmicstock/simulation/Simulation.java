package org.cosmicstock.simulation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Runs seeds, and tells the story of a failing one: its seed, what broke, and the steps about it. */
final class Simulation {

    static final int DEFAULT_SEEDS = 2000;
    private static final int MAX_LINES = 300;

    record Outcome(
            long seed,
            Variant variant,
            List<Invariants.Violation> violations,
            Trace trace,
            Map<String, Integer> tally) {

        boolean failed() {
            return !violations.isEmpty();
        }
    }

    private Simulation() {}

    static Outcome run(long seed, Variant variant, boolean tracing) {
        World world = new World(seed, variant, tracing);
        List<Invariants.Violation> violations = world.run();
        return new Outcome(seed, variant, violations, world.trace, world.tally);
    }

    /** The first failing seed of {@code count} from {@code first}, replayed with its trace; null if none fails. */
    static Outcome explore(Variant variant, long first, int count) {
        return explore(variant, first, count, new TreeMap<>());
    }

    /** As {@link #explore(Variant, long, int)}, adding up in {@code tally} how often each thing happened. */
    static Outcome explore(Variant variant, long first, int count, Map<String, Long> tally) {
        for (long seed = first; seed < first + count; seed++) {
            Outcome outcome = run(seed, variant, false);
            outcome.tally().forEach((what, n) -> tally.merge(what, (long) n, Long::sum));
            if (outcome.failed()) {
                return run(seed, variant, true);
            }
        }
        return null;
    }

    static int seeds() {
        String n = System.getProperty("simulation.seeds", "");
        return n.isBlank() ? DEFAULT_SEEDS : Integer.parseInt(n.trim());
    }

    static long firstSeed() {
        String n = System.getProperty("simulation.first-seed", "");
        return n.isBlank() ? 1 : Long.parseLong(n.trim());
    }

    /** The variant to replay a seed in (-Dsimulation.variant, CORRECT unless given). */
    static Variant replayVariant() {
        String v = System.getProperty("simulation.variant", "");
        return v.isBlank() ? Variant.CORRECT : Variant.valueOf(v.trim());
    }

    /** The seed to replay, if one was asked for with -Dsimulation.seed. */
    static Long replaySeed() {
        String n = System.getProperty("simulation.seed", "");
        return n.isBlank() ? null : Long.parseLong(n.trim());
    }

    /** The report of a run: violations, then the trace shortened to the lines about them (all of it if asked). */
    static String report(Outcome outcome, boolean whole) {
        StringBuilder b = new StringBuilder();
        b.append("Simulation seed ")
                .append(outcome.seed())
                .append(" (")
                .append(outcome.variant())
                .append(") ")
                .append(outcome.failed() ? "FAILED" : "passed")
                .append('\n');
        Set<String> about = new LinkedHashSet<>();
        for (Invariants.Violation v : outcome.violations()) {
            b.append("  violated: ").append(v.text()).append('\n');
            about.addAll(v.about());
        }
        b.append(
                        "Replay: ./mvnw -B -q -pl simulation -am verify -DskipITs -Dtest=SimulationTest#everyInvariantHoldsForEverySeed"
                                + " -Dsurefire.failIfNoSpecifiedTests=false -Dsimulation.seed=")
                .append(outcome.seed())
                .append(outcome.variant() == Variant.CORRECT ? "" : " -Dsimulation.variant=" + outcome.variant())
                .append('\n');
        List<Trace.Line> lines = whole || about.isEmpty()
                ? outcome.trace().lines()
                : outcome.trace().about(about);
        b.append(whole || about.isEmpty() ? "Trace (whole run):\n" : "Trace, only the steps about ")
                .append(
                        whole || about.isEmpty()
                                ? ""
                                : about.stream().collect(Collectors.joining(", ")) + " and every fault:\n");
        int skipped = 0;
        for (Trace.Line line : lines) {
            if (!whole && lines.size() - skipped > MAX_LINES) {
                if (skipped == 0) {
                    b.append("(the first ").append(lines.size() - MAX_LINES).append(" of these lines left out)\n");
                }
                skipped++;
                continue;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
