package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputSeriesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long ORIGIN = 5 * SECOND;

    @Test
    void countsFallIntoTheSecondTheyHappenedIn() {
        ThroughputSeries series = new ThroughputSeries(ORIGIN);
        series.add(ThroughputSeries.Count.SENT, ORIGIN);
        series.add(ThroughputSeries.Count.SENT, ORIGIN + SECOND - 1);
        series.add(ThroughputSeries.Count.SENT, ORIGIN + SECOND);
        series.add(ThroughputSeries.Count.OUTCOMES, ORIGIN + 200 * SECOND);

        assertThat(series.at(ThroughputSeries.Count.SENT, 0)).isEqualTo(2);
        assertThat(series.at(ThroughputSeries.Count.SENT, 1)).isEqualTo(1);
        assertThat(series.at(ThroughputSeries.Count.OUTCOMES, 200)).isEqualTo(1);
        assertThat(series.seconds()).isEqualTo(201);
        assertThat(series.at(ThroughputSeries.Count.OUTCOMES, 500)).isZero();
    }

    @Test
    void rowsNameThePhaseEachSecondBeganIn() {
        PhaseClock phases = new PhaseClock(ORIGIN);
        phases.begin("warmup", ORIGIN);
        phases.begin("measured", ORIGIN + 2 * SECOND);
        phases.countSent(3);
        phases.end(ORIGIN + 3 * SECOND);
        ThroughputSeries series = new ThroughputSeries(ORIGIN);
        series.add(ThroughputSeries.Count.SENT, ORIGIN);
        series.add(ThroughputSeries.Count.MOVED, ORIGIN + 2 * SECOND + 10);

        List<Map<String, Object>> rows = series.rows(phases);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("phase", "warmup").containsEntry("sent", 1);
        assertThat(rows.get(2)).containsEntry("phase", "measured").containsEntry("moved", 1);
        assertThat(phases.rows().get(1))
                .containsEntry("name", "measured")
                .containsEntry("startSecond", 2.0)
                .containsEntry("endSecond", 3.0)
                .containsEntry("sent", 3);
    }

    @Test
    void eachSecondKeepsItsSlowestOutcome() {
        ThroughputSeries series = new ThroughputSeries(ORIGIN);
        series.latency(ORIGIN + 100, 12_000_000);
        series.latency(ORIGIN + 200, 900_000_000);
        series.latency(ORIGIN + 300, 30_000_000);
        series.latency(ORIGIN + 70 * SECOND, 5_500_000);

        assertThat(series.slowestMillis(0)).isEqualTo(900.0);
        assertThat(series.slowestMillis(1)).isZero();
        assertThat(series.slowestMillis(70)).isEqualTo(5.5);
        assertThat(series.seconds()).isEqualTo(71);
        assertThat(series.rows(new PhaseClock(ORIGIN)).get(70)).containsEntry("slowestOutcomeMs", 5.5);
    }
}
