package org.cosmicstock.messaging.kafka;

import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.bus.Result;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageDecodingException;
import org.cosmicstock.schemas.codec.UnknownSchemaIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The common path of every consumed batch: decode each record and read its CloudEvents headers,
 * map it to the service's message, hand the batch to the bus, then dead-letter what can never
 * succeed (undecodable, breaking the contract, refused by a handler as such) and count every
 * record's outcome. Anything else that goes wrong is transient: it propagates, and the consumer
 * delivers the records again later.
 */
public final class IncomingMessages {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingMessages.class);

    private final MessageCodec codec;
    private final MessagingMetrics metrics;
    private final DeadLetterProducer deadLetters;
    private final Duration notYetFor;
    private final MessageTracing tracing;

    public IncomingMessages(MessageCodec codec, MessagingMetrics metrics, DeadLetterProducer deadLetters) {
        this(codec, metrics, deadLetters, Duration.ofSeconds(30), MessageTracing.NONE);
    }

    /**
     * @param notYetFor how long a record that may pass later (a schema id the registry does not know
     *     yet, a batch not created yet) is retried before it is dead-lettered
     */
    public IncomingMessages(
            MessageCodec codec,
            MessagingMetrics metrics,
            DeadLetterProducer deadLetters,
            Duration notYetFor,
            MessageTracing tracing) {
        this.tracing = tracing;
        this.codec = codec;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.notYetFor = notYetFor;
    }

    /**
     * One record of a batch: its wire type ({@link MessagingMetrics#UNKNOWN_TYPE} until decoded), the
     * envelope it goes to the bus in (null if it does not), and what became of it: an outcome to
     * count, and for an INVALID one the reason it is dead-lettered. One that {@code waits} may pass
     * later: the partition is delivered again from it, unless it has {@code waitedEnough} already (it
     * has been failing for notYetFor).
     */
    private record Incoming(
            ConsumerRecord<String, byte[]> record,
            String type,
            Envelope envelope,
            Outcome outcome,
            Exception reason,
            boolean waits,
            boolean waitedEnough) {

        static Incoming counted(ConsumerRecord<String, byte[]> record, String type, Outcome outcome) {
            return new Incoming(record, type, null, outcome, null, false, false);
        }

        static Incoming invalid(ConsumerRecord<String, byte[]> record, String type, Exception reason, boolean waits) {
            return new Incoming(record, type, null, Outcome.INVALID, reason, waits, false);
        }

        static Incoming toApply(
                ConsumerRecord<String, byte[]> record, String type, Envelope envelope, boolean waitedEnough) {
            return new Incoming(record, type, envelope, null, null, false, waitedEnough);
        }

        Incoming applied(Result result) {
            return result.isRejected()
                    ? invalid(
                            record, type, result.rejection(), result.rejection().mayPassLater() && !waitedEnough)
                    : counted(record, type, result.outcome());
        }

        long offset() {
            return record.offset();
        }

        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }
    }

    /**
     * A handler for one consumer group: {@code mapper} turns payloads into messages, {@code apply}
     * applies a batch of them (the bus's {@code handleAll} or {@code handleEvents}).
     */
    public RecordBatchHandler handler(
            String consumerGroup, PayloadMapper mapper, Function<List<Envelope>, List<Result>> apply) {
        return (records, failingFor) -> handle(records, failingFor, consumerGroup, mapper, apply);
    }

    private void handle(
            List<ConsumerRecord<String, byte[]>> records,
            RecordBatchHandler.FailingFor failingFor,
            String consumerGroup,
            PayloadMapper mapper,
            Function<List<Envelope>, List<Result>> apply)
            throws Exception {
        if (records.isEmpty()) {
            return;
        }
        // What may pass later is retried from its offset until it has waited notYetFor, then
        // dead-lettered: its partition was sought back to it, so it is the first of its partition here.
        Set<TopicPartition> waiting = new HashSet<>();
        Set<TopicPartition> seen = new HashSet<>();
        List<Incoming> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            boolean waitedEnough = seen.add(partition)
                    && failingFor.of(partition, record.offset()).compareTo(notYetFor) >= 0;
            if (waiting.contains(partition)) {
                continue; // Its partition waits on an earlier record: nothing from there on is handled now.
            }
            Incoming incoming = decode(record, mapper, waitedEnough);
            batch.add(incoming);
            if (incoming.waits()) {
                waiting.add(partition); // Maybe registered a moment later.
            }
        }
        List<Envelope> envelopes =
                batch.stream().map(Incoming::envelope).filter(Objects::nonNull).toList();
        if (!envelopes.isEmpty()) {
            // The bus answers a result per envelope, in order.
            Iterator<Result> results = apply.apply(envelopes).iterator();
            batch.replaceAll(in -> in.envelope() == null ? in : in.applied(results.next()));
        }
        // Records from the first that must wait on, partition by partition, come again: they are
        // dead-lettered and counted then.
        Map<TopicPartition, Long> notYet = new HashMap<>();
        Exception notYetReason = null;
        for (Incoming incoming : batch) {
            if (incoming.waits() && notYet.putIfAbsent(incoming.partition(), incoming.offset()) == null) {
                notYetReason = notYetReason == null ? incoming.reason() : notYetReason;
            }
        }
        List<Incoming> done = notYet.isEmpty()
                ? batch
                : batch.stream()
                        .filter(in -> in.offset() < notYet.getOrDefault(in.partition(), Long.MAX_VALUE))
                        .toList();
        List<DeadLetterProducer.Letter> letters = new ArrayList<>();
        for (Incoming incoming : done) {
            if (incoming.outcome() == Outcome.INVALID) {
                ConsumerRecord<String, byte[]> r = incoming.record();
                LOG.warn(
                        "Dead-lettering {}-{}@{}: {}",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        DeadLetters.reason(incoming.reason()));
                letters.add(new DeadLetterProducer.Letter(r, incoming.reason()));
            }
        }
        if (!letters.isEmpty()) {
            deadLetters.send(letters, consumerGroup);
        }
        done.forEach(in -> metrics.consumed(in.record().topic(), in.type(), in.outcome()));
        if (!notYet.isEmpty()) {
            throw new RetryFrom(notYet, notYetReason);
        }
    }

    private Incoming decode(ConsumerRecord<String, byte[]> record, PayloadMapper mapper, boolean waitedEnough) {
        String type = MessagingMetrics.UNKNOWN_TYPE;
        try {
            SpecificRecord payload = codec.decode(record.value());
            type = payload.getSchema().getName();
            Optional<Object> message = mapper.toMessage(payload);
            if (message.isEmpty()) {
                return Incoming.counted(record, type, Outcome.SKIPPED);
            }
            Envelope envelope = new Envelope(message.get(), CloudEventHeaders.read(record), type);
            return Incoming.toApply(record, type, envelope, waitedEnough);
        } catch (UnknownSchemaIdException unregistered) {
            return Incoming.invalid(record, type, unregistered, !waitedEnough);
        } catch (MessageDecodingException | MessageRejected invalid) {
            return Incoming.invalid(record, type, invalid, false);
        }
    }

    /**
     * Runs one handler (the bus's {@code around}): times it as {@code message_handling_seconds{type}},
     * traces it as a span (a child of the trace context the message came with, and the parent of what
     * it causes), and puts the message's ids into the logging context while it runs.
     */
    public Outcome handling(Envelope envelope, Function<MessageContext, Outcome> handler) {
        MessageContext context = envelope.context();
        MessageTracing.Traced span = tracing.start(
                "handle " + envelope.type(),
                context.traceparent(),
                Span.Kind.CONSUMER,
                Map.of(
                        "messaging.message.id", context.messageId(),
                        "messaging.message.conversation_id", context.correlationId()));
        MDC.put("messageId", context.messageId());
        MDC.put("correlationId", context.correlationId());
        long start = System.nanoTime();
        try {
            return handler.apply(context.within(span.traceparent()));
        } finally {
            metrics.handlingTimer(envelope.type()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            MDC.remove("messageId");
            MDC.remove("correlationId");
            span.close();
        }
    }
}
