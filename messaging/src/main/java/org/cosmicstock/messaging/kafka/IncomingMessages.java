package org.cosmicstock.messaging.kafka;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.HandlerObserver;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Result;
import org.cosmicstock.messaging.metrics.Consumed;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageDecodingException;
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
    // The wire type of each message of the batch this thread is applying, for the handler timer.
    private final ThreadLocal<Map<Envelope, String>> wireTypes = ThreadLocal.withInitial(IdentityHashMap::new);

    public IncomingMessages(MessageCodec codec, MessagingMetrics metrics, DeadLetterProducer deadLetters) {
        this.codec = codec;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    /**
     * A handler for one consumer group: {@code mapper} turns payloads into messages, {@code apply}
     * applies a batch of them (the bus's {@code handleAll} or {@code handleEvents}).
     */
    public RecordBatchHandler handler(
            String consumerGroup, PayloadMapper mapper, Function<List<Envelope>, List<Result>> apply) {
        return records -> handle(records, consumerGroup, mapper, apply);
    }

    private void handle(
            List<ConsumerRecord<String, byte[]>> records,
            String consumerGroup,
            PayloadMapper mapper,
            Function<List<Envelope>, List<Result>> apply)
            throws Exception {
        List<Envelope> envelopes = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> applied = new ArrayList<>(records.size());
        List<String> types = new ArrayList<>(records.size());
        List<DeadLetterProducer.Letter> letters = new ArrayList<>();
        List<String> letterTypes = new ArrayList<>();
        List<Consumed> outcomes = new ArrayList<>();
        List<String> outcomeTypes = new ArrayList<>();
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
                    continue;
                }
                envelopes.add(new Envelope(message.get(), CloudEventHeaders.read(record)));
                applied.add(record);
                types.add(type);
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
                letters.add(new DeadLetterProducer.Letter(applied.get(i), result.rejection()));
                letterTypes.add(types.get(i));
            } else {
                outcomes.add(counted(result));
                outcomeTypes.add(types.get(i));
            }
        }
        if (!letters.isEmpty()) {
            for (DeadLetterProducer.Letter letter : letters) {
                ConsumerRecord<String, byte[]> r = letter.record();
                LOG.warn(
                        "Dead-lettering {}-{}@{}: {}",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        DeadLetters.reason(letter.reason()));
            }
            deadLetters.send(letters, consumerGroup);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            metrics.consumed(topic, outcomeTypes.get(i), outcomes.get(i));
        }
        letterTypes.forEach(type -> metrics.consumed(topic, type, Consumed.INVALID));
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
     * Times each handler as {@code message_handling_seconds{type}} and puts the message's ids into the
     * logging context while it runs.
     */
    public HandlerObserver observer() {
        return new HandlerObserver() {
            @Override
            public void starting(Envelope envelope) {
                MessageContext context = envelope.context();
                MDC.put("messageId", context.messageId());
                MDC.put("correlationId", context.correlationId());
            }

            @Override
            public void finished(Envelope envelope, long nanos) {
                String type = wireTypes.get().get(envelope);
                if (type == null) {
                    type = envelope.message().getClass().getSimpleName();
                }
                metrics.handlingTimer(type).record(nanos, TimeUnit.NANOSECONDS);
                MDC.remove("messageId");
                MDC.remove("correlationId");
            }
        };
    }

    /** The simple type name of a payload for metrics and logs, or "unknown" when it cannot be read. */
    public String typeOf(byte[] payload) {
        try {
            String fullName = codec.typeOf(payload);
            return fullName.substring(fullName.lastIndexOf('.') + 1);
        } catch (RuntimeException unreadable) {
            return MessagingMetrics.UNKNOWN_TYPE;
        }
    }
}
