package org.cosmicstock.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Traceparent;
import org.cosmicstock.schemas.codec.MessageCodec;

/**
 * Appends outgoing messages to the outbox on the caller's connection, inside its transaction: a
 * whole batch as one JDBC batch (one multi-row INSERT with {@code reWriteBatchedInserts=true}).
 */
public final class OutboxWriter {

    private static final String INSERT = """
            insert into messaging.outbox (message_id, topic, message_key, message_type, payload, source,
                                correlation_id, causation_id, traceparent, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final MessageCodec codec;
    private final String source;
    private final Clock clock;

    public OutboxWriter(MessageCodec codec, String source, Clock clock) {
        this.codec = codec;
        this.source = source;
        this.clock = clock;
    }

    /** An outgoing message and the message that caused it. */
    public record Caused(OutgoingMessage message, MessageContext cause) {}

    /** Returns, in order, the context of each appended message: a new id, caused by its cause. */
    public List<MessageContext> append(Connection connection, List<Caused> messages) throws SQLException {
        List<MessageContext> contexts = new ArrayList<>(messages.size());
        if (messages.isEmpty()) {
            return contexts;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Caused caused : messages) {
                MessageContext context =
                        caused.cause().causing(source, UUID.randomUUID().toString());
                OutgoingMessage message = caused.message();
                insert.setObject(1, UUID.fromString(context.messageId()));
                insert.setString(2, message.topic());
                insert.setString(3, message.key());
                insert.setString(4, MessageCodec.typeName(message.payload()));
                insert.setBytes(5, codec.encode(message.topic(), message.payload()));
                insert.setString(6, source);
                insert.setString(7, context.correlationId());
                insert.setString(8, context.causationId());
                insert.setString(9, context.traceparent() != null ? context.traceparent() : Traceparent.random());
                insert.setTimestamp(10, now);
                insert.addBatch();
                contexts.add(context);
            }
            insert.executeBatch();
        }
        return contexts;
    }

    /** The {@code ce_source} of what this service writes. */
    public String source() {
        return source;
    }
}
