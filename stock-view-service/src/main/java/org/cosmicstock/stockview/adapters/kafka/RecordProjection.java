package org.cosmicstock.stockview.adapters.kafka;

import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageDecodingException;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.StockView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects what one poll returned into the view as one batch, and counts each record's outcome. A
 * record that cannot be read is dead-lettered first (the rest of the batch still applies, in
 * order); a failure of the view is not the records' fault and propagates, so that the reader reads
 * them again once the view is back.
 */
public final class RecordProjection {

    static final String CONSUMER_GROUP = "stock-view-service";

    private static final Logger LOG = LoggerFactory.getLogger(RecordProjection.class);
    private static final long FIRST_RETRY_MS = 500;
    private static final long LAST_RETRY_MS = 10_000;

    private final StockView view;
    private final MessageCodec codec;
    private final MessagingMetrics metrics;
    private final DeadLetterProducer deadLetters;
    private final DeadLetterTrouble trouble;
    private final Timer projectionLag;
    private final Clock clock;
    private final MessageTracing tracing;

    public RecordProjection(
            StockView view,
            MessageCodec codec,
            MessagingMetrics metrics,
            DeadLetterProducer deadLetters,
            DeadLetterTrouble trouble,
            Timer projectionLag,
            Clock clock,
            MessageTracing tracing) {
        this.tracing = tracing;
        this.view = view;
        this.codec = codec;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.trouble = trouble;
        this.projectionLag = projectionLag;
        this.clock = clock;
    }

    public DeadLetterTrouble deadLetterTrouble() {
        return trouble;
    }

    /**
     * @param stopping when true, a dead letter that cannot be sent is given up on, and nothing after
     *     it is applied: the reader is stopping, and reads the record again when it starts
     * @return false if it stopped before applying the batch
     */
    public boolean project(Iterable<ConsumerRecord<String, byte[]>> records, BooleanSupplier stopping)
            throws InterruptedException {
        List<PositionedEvent> batch = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<MessageTracing.Traced> spans = new ArrayList<>();
        String topic = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            topic = record.topic();
            String type = MessagingMetrics.UNKNOWN_TYPE;
            Optional<Event> event;
            Instant eventTime;
            try {
                var payload = codec.decode(record.value());
                type = payload.getSchema().getName();
                eventTime = CloudEventHeaders.time(record);
                event = AvroStockEvents.toDomain(payload);
            } catch (MessageDecodingException invalid) {
                // Only what can never be read is dead-lettered: a registry that does not answer is
                // transient, and propagates so the reader tries the record again.
                LOG.warn("Dead-lettering {}: {}", where(record), invalid.toString());
                if (!deadLetter(record, invalid, stopping)) {
                    return false;
                }
                metrics.consumed(record.topic(), type, Outcome.INVALID);
                continue;
            }
            if (event.isEmpty()) {
                metrics.consumed(record.topic(), type, Outcome.SKIPPED);
                continue;
            }
            batch.add(new PositionedEvent(record.partition(), record.offset(), event.get(), eventTime));
            types.add(type);
            spans.add(span(record, type));
        }
        try {
            if (!batch.isEmpty()) {
                count(topic, batch, types, view.apply(batch));
            }
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            spans.forEach(MessageTracing.Traced::end);
        }
        return true;
    }

    /** A span per event, a child of the trace it travels in, covering the batch that applies it. */
    private MessageTracing.Traced span(ConsumerRecord<String, byte[]> record, String type) {
        MessageTracing.Traced span = tracing.start(
                "project " + type,
                CloudEventHeaders.text(record.headers(), CloudEventHeaders.TRACEPARENT),
                Span.Kind.CONSUMER,
                Map.of("messaging.kafka.offset", String.valueOf(record.offset())));
        // The batch is applied at once: none of its spans is the thread's current one.
        span.leave();
        return span;
    }

    private void count(String topic, List<PositionedEvent> batch, List<String> types, List<PositionedEvent> applied) {
        Instant now = clock.instant();
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            PositionedEvent event = batch.get(i);
            // The view returns the applied events themselves, in batch order.
            boolean wasApplied = next < applied.size() && applied.get(next) == event;
            if (wasApplied) {
                next++;
                projectionLag.record(Duration.between(event.eventTime(), now).abs());
            }
            metrics.consumed(topic, types.get(i), wasApplied ? Outcome.PROCESSED : Outcome.DUPLICATE);
        }
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason, BooleanSupplier stopping)
            throws InterruptedException {
        long retryMs = FIRST_RETRY_MS;
        while (!stopping.getAsBoolean()) {
            try {
                // The reader has no consumer group; the service names the dead letter's origin.
                deadLetters.send(record, reason, CONSUMER_GROUP);
                trouble.written();
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                trouble.failed(where(record), e);
                LOG.warn("Could not dead-letter {}, retrying in {} ms: {}", where(record), retryMs, e.toString());
                Thread.sleep(retryMs);
                retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
            }
        }
        return false;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
