package org.cosmicstock.messaging.kafka;

import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.HandlerObserver;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Result;
import org.cosmicstock.messaging.metrics.Consumed;
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
    // The wire type of each message of the batch this thread is applying, for the handler timer.
    private final ThreadLocal<Map<Envelope, String>> wireTypes = ThreadLocal.withInitial(IdentityHashMap::new);
    // The span of the message this thread is handling.
    private final ThreadLocal<Deque<MessageTracing.Traced>> spans = ThreadLocal.withInitial(ArrayDeque::new);
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
     * A handler for one consumer group: {@code mapper} turns payloads into messages, {@code apply}
     * applies a batch of them (the bus's {@code handleAll} or {@code handleEvents}).
     */
    public RecordBatchHandler handler(
            String consumerGroup, PayloadMapper mapper, Function<List<Envelope>, List<Result>> apply) {
        return (records, failingFor) -> handle(records, failingFor, consumerGroup, mapper, apply);
    }

    private void handle(
            List<ConsumerRecord<String, byte[]>> records,
            Duration failingFor,
            String consumerGroup,
            PayloadMapper mapper,
            Function<List<Envelope>, List<Result>> apply)
            throws Exception {
        // What may pass later is retried from its offset until it has waited notYetFor, then
        // dead-lettered: the partition was sought back to it, so it is the first of the batch.
        ConsumerRecord<String, byte[]> waitedEnough =
                failingFor.compareTo(notYetFor) >= 0 && !records.isEmpty() ? records.get(0) : null;
        List<Envelope> envelopes = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> applied = new ArrayList<>(records.size());
        List<String> types = new ArrayList<>(records.size());
        List<DeadLetterProducer.Letter> letters = new ArrayList<>();
        List<String> letterTypes = new ArrayList<>();
        List<Consumed> outcomes = new ArrayList<>();
        List<String> outcomeTypes = new ArrayList<>();
        List<Long> outcomeOffsets = new ArrayList<>();
        ConsumerRecord<String, byte[]> notYet = null;
        Exception notYetCause = null;
        String topic = records.isEmpty() ? "" : records.get(0).topic();
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = MessagingMetrics.UNKNOWN_TYPE;
            try {
                SpecificRecord payload = codec.decode(record.value());
                type = payload.getSchema().getName();
                Optional<Object> message = mapper.toMessage(payload);
                if (message.isEmpty()) {
                    outcomes.add(Consumed.SKIPPED);
                    outcomeTypes.add(type);
                    outcomeOffsets.add(record.offset());
                    continue;
                }
                envelopes.add(new Envelope(message.get(), CloudEventHeaders.read(record)));
                applied.add(record);
                types.add(type);
            } catch (UnknownSchemaIdException unregistered) {
                if (record != waitedEnough) {
                    // Maybe registered a moment later: nothing from here on is handled now.
                    notYet = record;
                    notYetCause = unregistered;
                    break;
                }
                letters.add(new DeadLetterProducer.Letter(record, unregistered));
                letterTypes.add(type);
            } catch (MessageDecodingException | MessageRejected invalid) {
                letters.add(new DeadLetterProducer.Letter(record, invalid));
                letterTypes.add(type);
            }
        }
        List<Result> results;
        Map<Envelope, String> batchTypes = wireTypes.get();
        try {
            for (int i = 0; i < envelopes.size(); i++) {
                batchTypes.put(envelopes.get(i), types.get(i));
            }
            results = envelopes.isEmpty() ? List.of() : apply.apply(envelopes);
        } finally {
            batchTypes.clear();
        }
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            if (result.isRejected()) {
                if (result.rejection().mayPassLater() && applied.get(i) != waitedEnough) {
                    if (notYet == null || applied.get(i).offset() < notYet.offset()) {
                        notYet = applied.get(i);
                        notYetCause = result.rejection();
                    }
                    continue;
                }
                letters.add(new DeadLetterProducer.Letter(applied.get(i), result.rejection()));
                letterTypes.add(types.get(i));
            } else {
                outcomes.add(counted(result));
                outcomeTypes.add(types.get(i));
                outcomeOffsets.add(applied.get(i).offset());
            }
        }
        // Records from the one that must wait on come again: they are dead-lettered and counted then.
        long limit = notYet == null ? Long.MAX_VALUE : notYet.offset();
        List<DeadLetterProducer.Letter> due = new ArrayList<>(letters.size());
        List<String> dueTypes = new ArrayList<>(letters.size());
        for (int i = 0; i < letters.size(); i++) {
            DeadLetterProducer.Letter letter = letters.get(i);
            ConsumerRecord<String, byte[]> r = letter.record();
            if (r.offset() >= limit) {
                continue;
            }
            LOG.warn(
                    "Dead-lettering {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    DeadLetters.reason(letter.reason()));
            due.add(letter);
            dueTypes.add(letterTypes.get(i));
        }
        if (!due.isEmpty()) {
            deadLetters.send(due, consumerGroup);
        }
        dueTypes.forEach(type -> metrics.consumed(topic, type, Consumed.INVALID));
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomeOffsets.get(i) < limit) {
                metrics.consumed(topic, outcomeTypes.get(i), outcomes.get(i));
            }
        }
        if (notYet != null) {
            throw new RetryFrom(new TopicPartition(notYet.topic(), notYet.partition()), notYet.offset(), notYetCause);
        }
    }

    private static Consumed counted(Result result) {
        switch (result.status()) {
            case PROCESSED:
                return Consumed.PROCESSED;
            case SKIPPED:
                return Consumed.SKIPPED;
            case DUPLICATE:
                return Consumed.DUPLICATE;
            default:
                throw new IllegalArgumentException("Not a counted result: " + result);
        }
    }

    /**
     * Times each handler as {@code message_handling_seconds{type}}, traces it as a span (a child of the
     * trace context the message came with, and the parent of what it causes), and puts the message's
     * ids into the logging context while it runs.
     */
    public HandlerObserver observer() {
        return new HandlerObserver() {
            @Override
            public MessageContext starting(Envelope envelope) {
                MessageContext context = envelope.context();
                MessageTracing.Traced span = tracing.start(
                        "handle " + typeOf(envelope),
                        context.traceparent(),
                        Span.Kind.CONSUMER,
                        Map.of(
                                "messaging.message.id", context.messageId(),
                                "messaging.message.conversation_id", context.correlationId()));
                spans.get().push(span);
                MDC.put("messageId", context.messageId());
                MDC.put("correlationId", context.correlationId());
                return context.within(span.traceparent());
            }

            @Override
            public void finished(Envelope envelope, long nanos) {
                metrics.handlingTimer(typeOf(envelope)).record(nanos, TimeUnit.NANOSECONDS);
                MDC.remove("messageId");
                MDC.remove("correlationId");
                MessageTracing.Traced span = spans.get().poll();
                if (span != null) {
                    span.close();
                }
            }
        };
    }

    private String typeOf(Envelope envelope) {
        String type = wireTypes.get().get(envelope);
        return type == null ? envelope.message().getClass().getSimpleName() : type;
    }
}
