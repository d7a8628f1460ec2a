package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyLegsTest {

    // nanoTime 5,000,000,000 was wall-clock 1,700,000,000.000000 s
    private static final long WALL = 1_700_000_000_000_000L;
    private static final long NANO = 5_000_000_000L;

    @Test
    void splitsALineIntoItsThreeLegsOnOneClock() {
        LatencyLegs legs = new LatencyLegs(WALL, NANO);
        // sent 1 ms after the anchor, written 13 ms after it, published at 20 ms, read at 26.5 ms
        legs.add(NANO + 1_000_000, WALL + 13_000, (WALL + 20_000) / 1_000, NANO + 26_500_000);

        var map = legs.toMap();
        assertThat(legs.count()).isEqualTo(1);
        assertThat(p50(map, "toOutbox")).isEqualTo(12.0);
        assertThat(p50(map, "toBroker")).isEqualTo(7.0);
        assertThat(p50(map, "toReader")).isEqualTo(6.5);
        assertThat(legs.describe())
                .isEqualTo(
                        "to outbox p50 12.0 p99 12.0 ms | to broker p50 7.0 p99 7.0 ms | to reader p50 6.5 p99 6.5 ms");
    }

    @Test
    void aClockThatDisagreesByLessThanItsPrecisionGivesZeroNotANegativeLeg() {
        LatencyLegs legs = new LatencyLegs(WALL, NANO);
        // the record's millisecond timestamp rounds down below the microsecond write time
        legs.add(NANO, WALL + 2_700, (WALL + 2_700) / 1_000, NANO + 4_000_000);

        assertThat(p50(legs.toMap(), "toBroker")).isZero();
        assertThat(p50(legs.toMap(), "toReader")).isEqualTo(2.0);
    }

    @SuppressWarnings("unchecked")
    private static double p50(java.util.Map<String, Object> map, String leg) {
        return (double) ((java.util.Map<String, Object>) map.get(leg)).get("p50");
    }
}
