package org.cosmicstock.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Traceparent;

/** The CloudEvents Kafka binding (binary mode) headers of CONTRACT.md. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String AVRO = "application/avro";

    private CloudEventHeaders() {}

    /** Writes every header the suite emits. */
    public static void write(Headers headers, MessageContext context, String type, Instant time, String contentType) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, context.messageId());
        put(headers, TYPE, type);
        put(headers, SOURCE, context.source());
        put(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        put(headers, CORRELATION_ID, context.correlationId());
        if (context.causationId() != null) {
            put(headers, CAUSATION_ID, context.causationId());
        }
        put(headers, CONTENT_TYPE, contentType);
        if (context.traceparent() != null) {
            put(headers, TRACEPARENT, context.traceparent());
        }
    }

    /**
     * The context of a received record. Outside producers need send no header: without {@code ce_id}
     * the record's topic, partition and offset identify it, and without {@code ce_source} the topic
     * stands for its source.
     */
    public static MessageContext read(ConsumerRecord<?, ?> record) {
        Headers headers = record.headers();
        String id = text(headers, ID);
        if (id == null || id.isBlank()) {
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        String source = text(headers, SOURCE);
        if (source == null || source.isBlank()) {
            source = "kafka:" + record.topic();
        }
        String correlationId = text(headers, CORRELATION_ID);
        String traceparent = text(headers, TRACEPARENT);
        return new MessageContext(
                source,
                id,
                correlationId == null || correlationId.isBlank() ? id : correlationId,
                text(headers, CAUSATION_ID),
                // None (or an invalid one): its handling starts a trace, sampled as new traces are.
                Traceparent.isValid(traceparent) ? traceparent : null);
    }

    /** The {@code ce_time} of a record, or its Kafka timestamp when the header is absent or unreadable. */
    public static Instant time(ConsumerRecord<?, ?> record) {
        String time = text(record.headers(), TIME);
        if (time != null) {
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time, Instant::from);
            } catch (RuntimeException unreadable) {
                // fall back to the broker's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
