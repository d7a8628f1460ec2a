package org.cosmicstock.stockview.adapters.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Once a second, notes the topic's end offsets as the broker reports them; once the reader has read
 * up to them, the view held every event that existed at that moment. Staleness is the time since
 * that moment: it stays near a second while the reader keeps up (under load too), and grows while
 * the broker cannot be asked or the reader falls behind.
 */
final class FreshnessCheck {

    private static final long EVERY_MS = 1_000;

    private final ReplayProgress progress;
    private final Duration timeout;
    private long next;
    private Map<TopicPartition, Long> ends;
    private Instant asked;

    FreshnessCheck(ReplayProgress progress, Duration timeout) {
        this.progress = progress;
        this.timeout = timeout;
    }

    /** @return whether it asked the broker (and got an answer) this time */
    boolean after(Consumer<String, byte[]> c, Map<TopicPartition, Long> positions, long now) {
        boolean asking = ends == null && now >= next;
        if (asking) {
            next = now + EVERY_MS;
            Instant moment = Instant.ofEpochMilli(now);
            ends = c.endOffsets(positions.keySet(), timeout);
            asked = moment;
        }
        if (ends != null && ReplayProgress.readUpTo(positions, ends)) {
            progress.confirmCompleteAsOf(asked);
            ends = null;
        }
        return asking;
    }
}
