package org.cosmicstock.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/**
 * Reads the events topic and books every event about this run's lines in the ledger and the
 * per-second series. Other events (BatchCreated, other producers' orders) only count as activity.
 */
final class OutcomeReader {

    private final SuiteConnection suite;
    private final MessageCodec codec;
    private final OutcomeLedger ledger;
    private final ThroughputSeries series;
    private long outcomes;
    private long moved;
    private long undecodable;
    private long redelivered;
    // The relay publishes at least once: after a crash it sends again what it had sent but not yet
    // marked, with the same ce_id. Such a copy is the same event, not a second outcome.
    private final Set<String> seenEventIds = new HashSet<>();
    private long lastRecordAt;
    private final LatencyLegs legs = new LatencyLegs();

    OutcomeReader(SuiteConnection suite, MessageCodec codec, OutcomeLedger ledger, ThroughputSeries series) {
        this.suite = suite;
        this.codec = codec;
        this.ledger = ledger;
        this.series = series;
        this.lastRecordAt = series.originNanos();
    }

    /** Polls once, waiting at most {@code timeout}, and books what came. */
    void poll(Duration timeout) {
        var records = suite.poll(timeout);
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            lastRecordAt = now;
            SpecificRecord event;
            try {
                event = codec.decode(record.value());
            } catch (RuntimeException e) {
                undecodable++;
                continue;
            }
            String eventId = header(record, "ce_id");
            if (eventId != null && !seenEventIds.add(eventId)) {
                redelivered++;
                continue;
            }
            book(event, record, now);
        }
    }

    private void book(SpecificRecord event, ConsumerRecord<String, byte[]> record, long now) {
        OutcomeLedger.Kind kind;
        String orderId;
        if (event instanceof Allocated e) {
            kind = OutcomeLedger.Kind.ALLOCATED;
            orderId = e.getOrderId();
        } else if (event instanceof OutOfStock e) {
            kind = OutcomeLedger.Kind.OUT_OF_STOCK;
            orderId = e.getOrderId();
        } else if (event instanceof AllocationRejected e) {
            kind = OutcomeLedger.Kind.REJECTED;
            orderId = e.getOrderId();
        } else if (event instanceof Deallocated e) {
            kind = OutcomeLedger.Kind.DEALLOCATED;
            orderId = e.getOrderId();
        } else {
            return;
        }
        OutcomeLedger.Effect effect = ledger.record(kind, orderId, header(record, "ce_causationid"), now);
        if (effect == OutcomeLedger.Effect.FIRST_OUTCOME) {
            outcomes++;
            series.add(ThroughputSeries.Count.OUTCOMES, now);
            // A first outcome is always one of this run's orders, so it has a sequence number.
            OutcomeLedger.Order order = ledger.order(ledger.sequenceOf(orderId));
            series.latency(now, now - order.sentAt);
            legs(order, record, now);
        } else if (effect == OutcomeLedger.Effect.REALLOCATED) {
            moved++;
            series.add(ThroughputSeries.Count.MOVED, now);
        }
    }

    /** Books the legs of a measured line's first outcome, when the event carries the times they need. */
    private void legs(OutcomeLedger.Order order, ConsumerRecord<String, byte[]> record, long now) {
        String written = header(record, "ce_time");
        if (order.phase != Phase.MEASURED || written == null || record.timestampType() != TimestampType.CREATE_TIME) {
            return;
        }
        try {
            legs.add(order.sentAt, LatencyLegs.micros(Instant.parse(written)), record.timestamp(), now);
        } catch (DateTimeParseException unreadable) {
            // no legs for this one; the end-to-end latency is booked all the same
        }
    }

    /** Where the measured lines' time went. */
    LatencyLegs legs() {
        return legs;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Lines whose Allocate has been answered. */
    long outcomes() {
        return outcomes;
    }

    /** Moved lines allocated again. */
    long moved() {
        return moved;
    }

    long undecodable() {
        return undecodable;
    }

    /** Copies of an event already read (the same ce_id): at-least-once publication, booked once. */
    long redelivered() {
        return redelivered;
    }

    /** When the last record of any kind arrived on the events topic. */
    long lastRecordAt() {
        return lastRecordAt;
    }
}
