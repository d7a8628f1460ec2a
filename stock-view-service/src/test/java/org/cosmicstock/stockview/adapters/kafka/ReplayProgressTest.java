package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    private final ReplayProgress progress = new ReplayProgress(Clock.systemUTC());

    @Test
    void notServingBeforeTheReaderHasStarted() {
        assertThat(progress.state()).isEqualTo(ReaderState.STARTING);
        assertThat(progress.state().serving()).isFalse();
        assertThat(progress.remaining()).isEqualTo(-1);
    }

    @Test
    void countsDownToTheEndOfTheTopicAsItWasAtStart() {
        progress.start("g1", true, ReaderState.REPLAYING, Map.of(P0, 10L, P1, 5L), Map.of(P0, 0L, P1, 3L));

        assertThat(progress.total()).isEqualTo(12);
        assertThat(progress.state()).isEqualTo(ReaderState.REPLAYING);

        progress.advance(Map.of(P0, 10L, P1, 4L));
        assertThat(progress.remaining()).isEqualTo(1);

        progress.advance(Map.of(P0, 12L, P1, 5L));
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);
        assertThat(progress.read()).isEqualTo(Map.of(0, 12L, 1, 5L));
    }

    @Test
    void aGenerationBeingBuiltServesOnlyOncePromoted() {
        progress.start("g1", false, ReaderState.REPLAYING, Map.of(P0, 10L), Map.of(P0, 0L));
        progress.advance(Map.of(P0, 10L));

        assertThat(progress.state()).isEqualTo(ReaderState.REPLAYING);
        progress.promoted();
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);
    }

    @Test
    void aRebuildBesideAServedGenerationKeepsServing() {
        progress.start("g1", true, ReaderState.REPLAYING, Map.of(P0, 10L), Map.of(P0, 10L));
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);

        progress.start("g2", false, ReaderState.REBUILDING, Map.of(P0, 12L), Map.of(P0, 0L));
        assertThat(progress.state()).isEqualTo(ReaderState.REBUILDING);
        assertThat(progress.state().serving()).isTrue();
        progress.advance(Map.of(P0, 12L));
        assertThat(progress.state()).isEqualTo(ReaderState.REBUILDING);

        progress.extend(Map.of(P0, 15L), Map.of(P0, 12L));
        assertThat(progress.remaining()).isEqualTo(3);
        progress.advance(Map.of(P0, 15L));
        progress.promoted();
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);
        assertThat(progress.generation()).isEqualTo("g2");
        assertThat(progress.starts()).isEqualTo(2);
    }

    @Test
    void aLostViewIsNotServedUntilTheRecoveredOneHasCaughtUp() {
        progress.start("g1", true, ReaderState.REPLAYING, Map.of(P0, 10L), Map.of(P0, 10L));

        progress.lost("Redis lost the view");
        assertThat(progress.state()).isEqualTo(ReaderState.RECOVERING);
        assertThat(progress.reason()).isEqualTo("Redis lost the view");

        progress.start("g2", false, ReaderState.RECOVERING, Map.of(P0, 10L), Map.of(P0, 0L));
        progress.advance(Map.of(P0, 10L));
        assertThat(progress.state()).isEqualTo(ReaderState.RECOVERING);
        progress.promoted();
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);
        assertThat(progress.reason()).isNull();
    }

    @Test
    void aRefusalOrAFailureLastsUntilTheReaderStartsAgain() {
        progress.start("g1", true, ReaderState.REPLAYING, Map.of(P0, 1L), Map.of(P0, 1L));

        progress.refuse("offsets 0-9 were deleted unread");
        progress.advance(Map.of(P0, 1L));
        assertThat(progress.state()).isEqualTo(ReaderState.REFUSING);

        progress.start("g1", true, ReaderState.REPLAYING, Map.of(P0, 1L), Map.of(P0, 1L));
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);

        progress.fail(new IllegalStateException("Redis is unavailable"));
        assertThat(progress.state()).isEqualTo(ReaderState.FAILING);
        assertThat(progress.failure()).hasMessage("Redis is unavailable");
        progress.start("g1", true, ReaderState.REPLAYING, Map.of(P0, 1L), Map.of(P0, 1L));
        assertThat(progress.failure()).isNull();
        assertThat(progress.state()).isEqualTo(ReaderState.CAUGHT_UP);
    }
}
