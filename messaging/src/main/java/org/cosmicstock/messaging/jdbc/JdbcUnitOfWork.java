package org.cosmicstock.messaging.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.bus.UnitOfWork;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/**
 * A unit of work on one PostgreSQL transaction: subclasses write their aggregates on {@link
 * #connection()}; this class adds the inbox receipts of the messages and the outbox rows of the
 * events they raised to the same transaction (each in bulk), commits, then wakes the outbox relay.
 */
public abstract class JdbcUnitOfWork implements UnitOfWork {

    private final Connection connection;
    private final TransactionalMessaging messaging;
    private final List<OutboxWriter.Caused> outgoing = new ArrayList<>();
    private final List<Object> pendingEvents = new ArrayList<>();
    private final List<Object> raised = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private boolean committed;

    protected JdbcUnitOfWork(DataSource dataSource, TransactionalMessaging messaging) {
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

    /** The events the aggregates handed out raised since the last call, oldest first. */
    protected abstract List<Object> drainEvents();

    /** Writes every changed aggregate, checking each one's version. */
    protected abstract void flush() throws SQLException;

    /** How a domain event travels: topic, key and Avro payload. */
    protected abstract OutgoingMessage toOutgoing(Object event);

    @Override
    public Set<Receipt> firstDeliveries(Collection<Receipt> receipts) {
        try {
            return messaging.inbox().record(connection, receipts);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not record the receipts of " + receipts.size() + " message(s)", e);
        }
    }

    @Override
    public void raise(Object event) {
        raised.add(event);
    }

    @Override
    public void collectEvents(MessageContext cause) {
        List<Object> events = new ArrayList<>(drainEvents());
        events.addAll(raised);
        raised.clear();
        for (Object event : events) {
            outgoing.add(new OutboxWriter.Caused(toOutgoing(event), cause));
            pendingEvents.add(event);
        }
    }

    @Override
    public void commit() {
        if (!raised.isEmpty() || !drainEvents().isEmpty()) {
            throw new IllegalStateException("Events were raised after the last collectEvents: they would be lost");
        }
        List<RaisedEvent> events = new ArrayList<>(outgoing.size());
        try {
            flush();
            List<MessageContext> contexts = messaging.outbox().append(connection, outgoing);
            for (int i = 0; i < contexts.size(); i++) {
                events.add(new RaisedEvent(pendingEvents.get(i), contexts.get(i)));
            }
            connection.commit();
        } catch (SQLException e) {
            throw new PersistenceFailure("Commit failed: " + e.getMessage(), e);
        }
        committed = true;
        committedEvents = List.copyOf(events);
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
            // The connection is broken: the transaction did not commit, and the pool discards it.
            if (committed) {
                throw new PersistenceFailure("Closing a committed transaction failed", e);
            }
        }
    }
}
