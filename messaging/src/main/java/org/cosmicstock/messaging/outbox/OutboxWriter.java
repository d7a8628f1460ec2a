package org.cosmicstock.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Traceparent;
import org.cosmicstock.schemas.codec.MessageCodec;

/** Appends outgoing messages to the outbox on the caller's connection, inside its transaction. */
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

    /** Returns the context of the appended message: a new id, caused by {@code cause}. */
    public MessageContext append(Connection connection, OutgoingMessage message, MessageContext cause)
            throws SQLException {
        MessageContext context = new MessageContext(
                UUID.randomUUID().toString(),
                cause.correlationId(),
                cause.messageId(),
                Traceparent.childOf(cause.traceparent()));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(context.messageId()));
            insert.setString(2, message.topic());
            insert.setString(3, message.key());
            insert.setString(4, MessageCodec.typeName(message.payload()));
            insert.setBytes(5, codec.encode(message.payload()));
            insert.setString(6, source);
            insert.setString(7, context.correlationId());
            insert.setString(8, context.causationId());
            insert.setString(9, context.traceparent());
            insert.setTimestamp(10, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
        return context;
    }
}
