package org.cosmicstock.messaging.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.UnitOfWork;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/**
 * A unit of work on one PostgreSQL transaction: subclasses write their aggregates on {@link
 * #connection()}; this class adds the inbox receipt and the outbox rows of the raised events to the
 * same transaction, commits, then wakes the outbox relay.
 */
public abstract class JdbcUnitOfWork implements UnitOfWork {

    private final Connection connection;
    private final MessageContext context;
    private final TransactionalMessaging messaging;
    private List<RaisedEvent> committedEvents = List.of();
    private boolean committed;

    protected JdbcUnitOfWork(DataSource dataSource, MessageContext context, TransactionalMessaging messaging) {
        this.context = context;
        this.messaging = messaging;
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not open a database transaction", e);
        }
    }

    protected final Connection connection() {
        return connection;
    }

    /** Writes every changed aggregate and returns, in order, the events they raised. */
    protected abstract List<Object> flush() throws SQLException;

    /** How a domain event travels: topic, key and Avro payload. */
    protected abstract OutgoingMessage toOutgoing(Object event);

    @Override
    public boolean firstDelivery(String receipt) {
        try {
            return messaging.inbox().firstDelivery(connection, receipt);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not record the receipt of " + receipt, e);
        }
    }

    @Override
    public void commit() {
        try {
            List<RaisedEvent> raised = new ArrayList<>();
            OutboxWriter outbox = messaging.outbox();
            for (Object event : flush()) {
                raised.add(new RaisedEvent(event, outbox.append(connection, toOutgoing(event), context)));
            }
            connection.commit();
            committed = true;
            committedEvents = List.copyOf(raised);
        } catch (SQLException e) {
            throw new PersistenceFailure("Commit failed for message " + context.messageId(), e);
        }
        if (!committedEvents.isEmpty()) {
            messaging.afterCommit().run();
        }
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }

    @Override
    public void close() {
        try (connection) {
            if (!committed) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new PersistenceFailure("Rollback failed for message " + context.messageId(), e);
        }
    }
}
