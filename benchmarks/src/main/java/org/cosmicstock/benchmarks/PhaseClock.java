package org.cosmicstock.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** When each stage of a run began and ended, in seconds since the run's origin, for the report. */
final class PhaseClock {

    private final long originNanos;
    private final List<Span> spans = new ArrayList<>();

    PhaseClock(long originNanos) {
        this.originNanos = originNanos;
    }

    void begin(String name, long atNanos) {
        if (!spans.isEmpty() && last().endNanos < 0) {
            last().endNanos = atNanos;
        }
        spans.add(new Span(name, atNanos));
    }

    void end(long atNanos) {
        if (!spans.isEmpty() && last().endNanos < 0) {
            last().endNanos = atNanos;
        }
    }

    /** Adds to the count of commands (or lines) the running stage sent. */
    void countSent(int n) {
        if (!spans.isEmpty()) {
            last().sent += n;
        }
    }

    /** Marks the running stage as having sent less than its rate asked for, because the backlog was full. */
    void heldBack() {
        if (!spans.isEmpty()) {
            last().heldBack = true;
        }
    }

    /** The name of the stage running at {@code atNanos}, or "" before the first. */
    String phaseAt(long atNanos) {
        String name = "";
        for (Span span : spans) {
            if (span.startNanos <= atNanos) {
                name = span.name;
            }
        }
        return name;
    }

    Span span(String name) {
        return spans.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Span span : spans) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", span.name);
            row.put("startSecond", seconds(span.startNanos));
            row.put("endSecond", span.endNanos < 0 ? null : seconds(span.endNanos));
            row.put("sent", span.sent);
            row.put("heldBackByBacklog", span.heldBack);
            rows.add(row);
        }
        return rows;
    }

    private double seconds(long nanos) {
        return Math.round((nanos - originNanos) / 1e6) / 1000.0;
    }

    private Span last() {
        return spans.get(spans.size() - 1);
    }

    static final class Span {
        final String name;
        final long startNanos;
        long endNanos = -1;
        int sent;
        boolean heldBack;

        Span(String name, long startNanos) {
            this.name = name;
            this.startNanos = startNanos;
        }
    }
}
