package org.cosmicstock.messaging.outbox;

import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's side of the broker: sends one round's rows in order with their CloudEvents headers
 * and a span each, and says how many the broker acknowledged before the first that failed. It asks
 * for the topics' metadata first (a broker that is away is found out before anything is sent, in
 * the producer's short block time), stops at the first row the producer refuses, and starts a new
 * producer after a failure.
 */
final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** The first {@code acknowledged} rows were acknowledged; {@code failure} is why the next was not, or null. */
    record Sent(int acknowledged, Exception failure) {}

    private final Supplier<Producer<String, byte[]>> producers;
    private final Duration sendTimeout;
    private final MessageTracing tracing;
    private final Consumer<OutboxRow> acknowledged;
    private Producer<String, byte[]> producer;

    /** @param acknowledged told of each row the broker acknowledged, in order */
    OutboxSender(
            Supplier<Producer<String, byte[]>> producers,
            Duration sendTimeout,
            MessageTracing tracing,
            Consumer<OutboxRow> acknowledged) {
        this.producers = producers;
        this.sendTimeout = sendTimeout;
        this.tracing = tracing;
        this.acknowledged = acknowledged;
    }

    /**
     * Sends {@code rows} and waits for the broker's acknowledgements.
     *
     * @throws PublishFailed when the broker's metadata could not be had (nothing was sent)
     */
    Sent send(List<OutboxRow> rows) throws InterruptedException {
        Producer<String, byte[]> p = producer();
        askForMetadata(p, rows);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            // A span from the send to the broker's answer, a child of the span that wrote the row; the
            // record carries it as its traceparent.
            MessageTracing.Traced span = tracing.start(
                    "publish " + row.topic(),
                    row.context().traceparent(),
                    Span.Kind.PRODUCER,
                    Map.of(
                            "messaging.destination.name",
                            row.topic(),
                            "messaging.message.id",
                            row.context().messageId()));
            span.leave();
            CloudEventHeaders.write(
                    record.headers(),
                    row.context().within(span.traceparent()),
                    row.type(),
                    row.createdAt(),
                    MessageCodec.contentTypeOf(row.payload()));
            // Stop at the first row the producer refuses, whether it throws (no metadata in time) or
            // hands back a future that has already failed (too large): a later row of the same key
            // must never go out ahead of this one.
            Future<RecordMetadata> ack;
            try {
                ack = p.send(record, (metadata, error) -> {
                    if (error != null) {
                        span.error(error);
                    }
                    span.end();
                });
            } catch (RuntimeException e) {
                span.error(e);
                span.end();
                failure = e;
                break;
            }
            Exception refused = refusedAtOnce(ack);
            if (refused != null) {
                failure = refused;
                break;
            }
            acks.add(ack);
        }
        p.flush();
        int acknowledged = 0;
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (TimeoutException e) {
                failure = e;
                break;
            }
            this.acknowledged.accept(rows.get(acknowledged++));
        }
        return new Sent(acknowledged, acknowledged == rows.size() ? null : failure);
    }

    private void askForMetadata(Producer<String, byte[]> p, List<OutboxRow> rows) {
        Set<String> topics = new LinkedHashSet<>();
        rows.forEach(row -> topics.add(row.topic()));
        for (String topic : topics) {
            try {
                p.partitionsFor(topic);
            } catch (RuntimeException e) {
                discardProducer();
                throw new PublishFailed(0, rows.get(0), e);
            }
        }
    }

    /** The failure of a send the producer refused before sending anything, or null. */
    private static Exception refusedAtOnce(Future<RecordMetadata> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** A producer that failed may hold a fatal error or a stale view of the cluster: the next send starts afresh. */
    void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing a failed producer: {}", e.toString());
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
