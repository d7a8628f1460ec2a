package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.stockview.domain.Generation;
import org.junit.jupiter.api.Test;

class TopicHolesTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    @Test
    void aTopicThatBeginsAtOrBeforeTheNextOffsetNeededHasNoHole() {
        Generation generation = new Generation("g1", Map.of(0, 41L), true);

        assertThat(TopicHoles.find("events", generation, Map.of(P0, 42L, P1, 0L)))
                .isEmpty();
        assertThat(TopicHoles.find("events", new Generation("g2", Map.of(), false), Map.of(P0, 0L, P1, 0L)))
                .isEmpty();
    }

    @Test
    void eventsDeletedBeforeTheGenerationAppliedThemAreAHoleNamedByPartitionAndOffsets() {
        Generation generation = new Generation("g1", Map.of(0, 41L), true);

        assertThat(TopicHoles.find("events", generation, Map.of(P0, 43L, P1, 7L)))
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("partition 0 now begins at offset 43 but generation g1 has applied up to offset 41"
                                + " (offsets 42-42 were deleted unread)")
                        .contains("partition 1 now begins at offset 7 but generation g1 has applied nothing"
                                + " (offsets 0-6 were deleted unread)"));
    }
}
