package org.cosmicstock.simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened in a run, step by step: messages sent, consumed and published, commits, faults. Each
 * line is tagged with the SKUs and orders it touches (faults with none: they concern everything), so
 * that a failure can be shown shortened to the lines about what it is about.
 */
final class Trace {

    record Line(long step, long millis, String text, Set<String> tags) {

        @Override
        public String toString() {
            return String.format("#%-5d t=%-6d %s", step, millis, text);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final boolean enabled;

    Trace(boolean enabled) {
        this.enabled = enabled;
    }

    void add(long step, long millis, String text, Collection<String> tags) {
        if (enabled) {
            lines.add(new Line(step, millis, text, new TreeSet<>(tags)));
        }
    }

    boolean enabled() {
        return enabled;
    }

    List<Line> lines() {
        return lines;
    }

    /** The lines about any of {@code tags}, and every fault (untagged). */
    List<Line> about(Set<String> tags) {
        List<Line> shortened = new ArrayList<>();
        for (Line line : lines) {
            if (line.tags().isEmpty() || line.tags().stream().anyMatch(tags::contains)) {
                shortened.add(line);
            }
        }
        return shortened;
    }
}
