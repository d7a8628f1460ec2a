package org.cosmicstock.stockview.adapters.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.stockview.domain.Generation;

/**
 * Whether the topic still holds every event a generation has not applied yet: a partition whose
 * beginning (moved by retention or deleteRecords) lies past the next offset the generation needs
 * has lost events the view never saw, and a view built on would silently lack them.
 */
final class TopicHoles {

    private TopicHoles() {}

    /** Why the generation cannot be completed from the topic, or empty if it can. */
    static Optional<String> find(String topic, Generation generation, Map<TopicPartition, Long> beginnings) {
        List<String> holes = new ArrayList<>();
        beginnings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(TopicPartition::partition)))
                .forEach(entry -> {
                    int partition = entry.getKey().partition();
                    Long applied = generation.positions().get(partition);
                    long next = applied == null ? 0 : applied + 1;
                    long beginning = entry.getValue();
                    if (beginning > next) {
                        holes.add("partition " + partition + " now begins at offset " + beginning + " but generation "
                                + generation.id() + " has applied "
                                + (applied == null ? "nothing" : "up to offset " + applied) + " (offsets " + next
                                + "-" + (beginning - 1) + " were deleted unread)");
                    }
                });
        if (holes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Topic " + topic + " no longer holds events the view never applied (deleted by retention"
                + " or deleteRecords), so it cannot be complete: " + String.join("; ", holes)
                + ". Refusing readiness; republish the missing events or keep " + topic + " longer");
    }
}
