package org.cosmicstock.benchmarks;

import java.io.PrintStream;

/** One line every two seconds while the run goes on: what was sent, what came back, how fast, what is owed. */
final class Progress {

    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final long originNanos;
    private long lastAt;
    private long lastSent;
    private long lastOutcomes;
    private long lastMoved;

    Progress(PrintStream out, long originNanos) {
        this.out = out;
        this.originNanos = originNanos;
        this.lastAt = originNanos;
    }

    /** Prints a line when two seconds have passed since the last one. */
    void tick(long now, String stage, long sent, long outcomes, long moved, long owed) {
        if (now - lastAt < INTERVAL_NANOS) {
            return;
        }
        double seconds = (now - lastAt) / 1e9;
        StringBuilder line = new StringBuilder(String.format(
                "  [%6.1f s] %-16s sent %,d (%,.0f/s)  outcomes back %,d (%,.0f/s)",
                (now - originNanos) / 1e9,
                stage,
                sent,
                (sent - lastSent) / seconds,
                outcomes,
                (outcomes - lastOutcomes) / seconds));
        if (moved > 0) {
            line.append(String.format("  lines moved %,d (%,.0f/s)", moved, (moved - lastMoved) / seconds));
        }
        line.append(String.format("  backlog %,d", owed));
        out.println(line);
        lastAt = now;
        lastSent = sent;
        lastOutcomes = outcomes;
        lastMoved = moved;
    }
}
