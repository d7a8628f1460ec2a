package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    private final ReplayProgress progress = new ReplayProgress();

    @Test
    void notCaughtUpBeforeTheReaderHasStarted() {
        assertThat(progress.caughtUp()).isFalse();
        assertThat(progress.remaining()).isEqualTo(-1);
    }

    @Test
    void countsDownToTheEndOfTheTopicAsItWasAtStart() {
        progress.start(Map.of(P0, 10L, P1, 5L), Map.of(P0, 0L, P1, 3L));

        assertThat(progress.total()).isEqualTo(12);
        assertThat(progress.caughtUp()).isFalse();

        progress.advance(Map.of(P0, 10L, P1, 4L));
        assertThat(progress.remaining()).isEqualTo(1);

        progress.advance(Map.of(P0, 12L, P1, 5L));
        assertThat(progress.caughtUp()).isTrue();
        assertThat(progress.read()).isEqualTo(Map.of(0, 12L, 1, 5L));
    }

    @Test
    void aRequestedRebuildIsNotCaughtUpUntilItHasReplayed() {
        progress.start(Map.of(P0, 10L), Map.of(P0, 10L));
        assertThat(progress.caughtUp()).isTrue();

        progress.restarting();
        assertThat(progress.caughtUp()).isFalse();
        progress.advance(Map.of(P0, 10L));
        assertThat(progress.caughtUp()).as("reads of the old view do not count").isFalse();

        progress.start(Map.of(P0, 10L), Map.of(P0, 0L));
        assertThat(progress.remaining()).isEqualTo(10);
        progress.advance(Map.of(P0, 10L));
        assertThat(progress.caughtUp()).isTrue();
        assertThat(progress.starts()).isEqualTo(2);
    }

    @Test
    void aFailureLastsUntilTheReaderStartsAgain() {
        progress.start(Map.of(P0, 1L), Map.of(P0, 1L));

        progress.fail(new IllegalStateException("Redis is unavailable"));
        assertThat(progress.caughtUp()).isFalse();
        assertThat(progress.failure()).hasMessage("Redis is unavailable");

        progress.start(Map.of(P0, 1L), Map.of(P0, 1L));
        assertThat(progress.failure()).isNull();
        assertThat(progress.caughtUp()).isTrue();
    }
}
