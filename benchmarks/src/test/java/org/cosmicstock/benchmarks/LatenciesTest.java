package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        // 1..100 ms in a shuffled order: the summary must not depend on arrival order.
        for (int i = 0; i < 100; i++) {
            latencies.add(((i * 37) % 100 + 1) * MS);
        }

        Latencies.LatencySummary summary = latencies.summary();

        assertThat(summary).isEqualTo(new Latencies.LatencySummary(100, 50.0, 90.0, 99.0, 100.0));
    }

    @Test
    void aSmallSampleReportsItsHighestValueAtTheHighPercentiles() {
        Latencies latencies = new Latencies();
        latencies.add(3 * MS);
        latencies.add(1 * MS);
        latencies.add(2 * MS);

        Latencies.LatencySummary summary = latencies.summary();

        assertThat(summary).isEqualTo(new Latencies.LatencySummary(3, 2.0, 3.0, 3.0, 3.0));
    }

    @Test
    void growsBeyondItsFirstArray() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 5000; i++) {
            latencies.add(i * MS);
        }

        assertThat(latencies.count()).isEqualTo(5000);
        assertThat(latencies.summary().maxMs()).isEqualTo(5000.0);
        assertThat(latencies.summary().p99Ms()).isEqualTo(4950.0);
    }

    @Test
    void nothingRecordedIsAllZero() {
        assertThat(new Latencies().summary()).isEqualTo(new Latencies.LatencySummary(0, 0, 0, 0, 0));
    }
}
