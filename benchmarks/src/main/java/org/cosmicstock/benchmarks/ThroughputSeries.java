package org.cosmicstock.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per whole second since the run started: commands sent, outcomes back, lines moved. */
final class ThroughputSeries {

    enum Count {
        SENT,
        OUTCOMES,
        MOVED
    }

    private final long originNanos;
    private final int[][] perSecond = new int[Count.values().length][];
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
        int second = (int) Math.max(0, (atNanos - originNanos) / 1_000_000_000L);
        if (second >= perSecond[0].length) {
            for (int i = 0; i < perSecond.length; i++) {
                perSecond[i] = Arrays.copyOf(perSecond[i], Math.max(second + 1, perSecond[i].length * 2));
            }
        }
        perSecond[count.ordinal()][second]++;
        seconds = Math.max(seconds, second + 1);
    }

    int at(Count count, int second) {
        return second < seconds ? perSecond[count.ordinal()][second] : 0;
    }

    /** Seconds since the origin that have seen at least one count, the last partial second included. */
    int seconds() {
        return seconds;
    }

    /** One entry per second: its number, the phase running when it began, and every count. */
    List<Map<String, Object>> rows(PhaseClock phases) {
        List<Map<String, Object>> rows = new ArrayList<>(seconds);
        for (int second = 0; second < seconds; second++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("second", second);
            row.put("phase", phases.phaseAt(originNanos + second * 1_000_000_000L));
            for (Count count : Count.values()) {
                row.put(count.name().toLowerCase(java.util.Locale.ROOT), at(count, second));
            }
            rows.add(row);
        }
        return rows;
    }
}
