package org.cosmicstock.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per whole second since the run started: commands sent, outcomes back, lines moved; and the
 * slowest first outcome that arrived in each second (command to outcome), which shows a stall as the
 * second it ended in rather than spread over a run's percentiles.
 */
final class ThroughputSeries {

    enum Count {
        SENT,
        OUTCOMES,
        MOVED
    }

    private final long originNanos;
    private final int[][] perSecond = new int[Count.values().length][];
    private long[] slowestMicros = new long[64];
    private int seconds;

    ThroughputSeries(long originNanos) {
        this.originNanos = originNanos;
        for (Count count : Count.values()) {
            perSecond[count.ordinal()] = new int[64];
        }
    }

    long originNanos() {
        return originNanos;
    }

    void add(Count count, long atNanos) {
        int second = secondOf(atNanos);
        perSecond[count.ordinal()][second]++;
    }

    /** An outcome that arrived at {@code atNanos}, {@code latencyNanos} after its command was sent. */
    void latency(long atNanos, long latencyNanos) {
        int second = secondOf(atNanos);
        slowestMicros[second] = Math.max(slowestMicros[second], latencyNanos / 1_000);
    }

    /** The slowest outcome that arrived in {@code second}, in ms; 0 when none did. */
    double slowestMillis(int second) {
        return second < seconds ? slowestMicros[second] / 1_000.0 : 0;
    }

    private int secondOf(long atNanos) {
        int second = (int) Math.max(0, (atNanos - originNanos) / 1_000_000_000L);
        if (second >= slowestMicros.length) {
            int length = Math.max(second + 1, slowestMicros.length * 2);
            for (int i = 0; i < perSecond.length; i++) {
                perSecond[i] = Arrays.copyOf(perSecond[i], length);
            }
            slowestMicros = Arrays.copyOf(slowestMicros, length);
        }
        seconds = Math.max(seconds, second + 1);
        return second;
    }

    int at(Count count, int second) {
        return second < seconds ? perSecond[count.ordinal()][second] : 0;
    }

    /** Seconds since the origin that have seen at least one count, the last partial second included. */
    int seconds() {
        return seconds;
    }

    /** One entry per second: its number, the phase running when it began, every count and the slowest outcome. */
    List<Map<String, Object>> rows(PhaseClock phases) {
        List<Map<String, Object>> rows = new ArrayList<>(seconds);
        for (int second = 0; second < seconds; second++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("second", second);
            row.put("phase", phases.phaseAt(originNanos + second * 1_000_000_000L));
            for (Count count : Count.values()) {
                row.put(count.name().toLowerCase(java.util.Locale.ROOT), at(count, second));
            }
            row.put("slowestOutcomeMs", slowestMillis(second));
            rows.add(row);
        }
        return rows;
    }
}
