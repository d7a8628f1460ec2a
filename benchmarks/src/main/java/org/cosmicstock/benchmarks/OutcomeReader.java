package org.cosmicstock.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
            book(event, header(record, "ce_causationid"), now);
        }
    }

    private void book(SpecificRecord event, String causation, long now) {
        OutcomeLedger.Effect effect;
        if (event instanceof Allocated e) {
            effect = ledger.record(OutcomeLedger.Kind.ALLOCATED, e.getOrderId(), causation, now);
        } else if (event instanceof OutOfStock e) {
            effect = ledger.record(OutcomeLedger.Kind.OUT_OF_STOCK, e.getOrderId(), causation, now);
        } else if (event instanceof AllocationRejected e) {
            effect = ledger.record(OutcomeLedger.Kind.REJECTED, e.getOrderId(), causation, now);
        } else if (event instanceof Deallocated e) {
            effect = ledger.record(OutcomeLedger.Kind.DEALLOCATED, e.getOrderId(), causation, now);
        } else {
            return;
        }
        if (effect == OutcomeLedger.Effect.FIRST_OUTCOME) {
            outcomes++;
            series.add(ThroughputSeries.Count.OUTCOMES, now);
        } else if (effect == OutcomeLedger.Effect.REALLOCATED) {
            moved++;
            series.add(ThroughputSeries.Count.MOVED, now);
        }
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
