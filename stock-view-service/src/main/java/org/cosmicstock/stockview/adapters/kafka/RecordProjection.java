package org.cosmicstock.stockview.adapters.kafka;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.stockview.domain.StockEvent;
import org.cosmicstock.stockview.domain.StockView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects one record of the events topic into the view and counts the outcome. A record that
 * cannot be read is dead-lettered and passed over; a failure of the view is not the record's fault
 * and propagates, so that the reader reads the record again once the view is back.
 */
public final class RecordProjection {

    private static final Logger LOG = LoggerFactory.getLogger(RecordProjection.class);

    private final StockView view;
    private final MessageCodec codec;
    private final MessagingMetrics metrics;
    private final DeadLetterProducer deadLetters;
    private final Timer projectionLag;
    private final Clock clock;

    public RecordProjection(
            StockView view,
            MessageCodec codec,
            MessagingMetrics metrics,
            DeadLetterProducer deadLetters,
            Timer projectionLag,
            Clock clock) {
        this.view = view;
        this.codec = codec;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.projectionLag = projectionLag;
        this.clock = clock;
    }

    /** @param stopping when true, a dead letter that cannot be sent is given up on: the reader is stopping */
    void project(ConsumerRecord<String, byte[]> record, BooleanSupplier stopping) throws InterruptedException {
        String type = MessagingMetrics.UNKNOWN_TYPE;
        Optional<StockEvent> event;
        Instant eventTime;
        try {
            var payload = codec.decode(record.value());
            type = payload.getSchema().getName();
            eventTime = CloudEventHeaders.time(record);
            event = AvroStockEvents.toDomain(payload);
        } catch (RuntimeException invalid) {
            LOG.warn(
                    "Dead-lettering {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    invalid.toString());
            deadLetter(record, invalid, stopping);
            metrics.consumed(record.topic(), type, Outcome.INVALID);
            return;
        }
        if (event.isEmpty()) {
            metrics.consumed(record.topic(), type, Outcome.SKIPPED);
            return;
        }
        boolean applied = view.apply(record.partition(), record.offset(), event.get(), eventTime);
        if (applied) {
            projectionLag.record(Duration.between(eventTime, clock.instant()).abs());
        }
        metrics.consumed(record.topic(), type, applied ? Outcome.PROCESSED : Outcome.DUPLICATE);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason, BooleanSupplier stopping)
            throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            try {
                deadLetters.send(record, reason);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warn(
                        "Could not dead-letter {}-{}@{}, retrying: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.toString());
                Thread.sleep(1_000);
            }
        }
    }
}
