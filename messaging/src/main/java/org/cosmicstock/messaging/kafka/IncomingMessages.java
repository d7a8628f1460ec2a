package org.cosmicstock.messaging.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.slf4j.MDC;

/**
 * The common path of every consumed record: decode (a bad payload throws a typed, non-retryable
 * error), read the CloudEvents headers, put the message's ids in the logging context, time the
 * handler and count its outcome.
 */
public final class IncomingMessages {

    private final MessageCodec codec;
    private final MessagingMetrics metrics;

    public IncomingMessages(MessageCodec codec, MessagingMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    public Outcome handle(ConsumerRecord<String, byte[]> record, IncomingHandler handler) {
        MessageContext context = CloudEventHeaders.read(record);
        try (var id = MDC.putCloseable("messageId", context.messageId());
                var correlation = MDC.putCloseable("correlationId", context.correlationId());
                var trace = MDC.putCloseable("traceparent", context.traceparent())) {
            SpecificRecord payload = codec.decode(record.value());
            String type = payload.getSchema().getName();
            Outcome outcome = metrics.handlingTimer(type).record(() -> handler.handle(payload, context));
            metrics.consumed(record.topic(), type, outcome);
            return outcome;
        }
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
