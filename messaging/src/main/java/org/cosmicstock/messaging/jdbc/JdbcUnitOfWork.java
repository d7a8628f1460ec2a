package org.cosmicstock.messaging.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.outbox.OutboxUnitOfWork;
import org.cosmicstock.messaging.outbox.OutboxWriter;

/**
 * A unit of work on one PostgreSQL transaction: subclasses write their aggregates on {@link
 * #connection()}; this class adds the inbox receipts of the messages and the outbox rows of the
 * events they raised to the same transaction (each in bulk), commits, then wakes the outbox relay
 * (the rules are {@link OutboxUnitOfWork}'s; this is their storage).
 */
public abstract class JdbcUnitOfWork extends OutboxUnitOfWork {

    private final Connection connection;
    private final TransactionalMessaging messaging;

    protected JdbcUnitOfWork(DataSource dataSource, TransactionalMessaging messaging) {
        super(messaging.afterCommit());
        this.messaging = messaging;
        try {
            this.connection = Connections.open(dataSource, false);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not open a database transaction", e);
        }
    }

    protected final Connection connection() {
        return connection;
    }

    /** Writes every changed aggregate, checking each one's version. */
    protected abstract void flush() throws SQLException;

    @Override
    protected final Set<Receipt> recordReceipts(Collection<Receipt> receipts) {
        try {
            return messaging.inbox().record(connection, receipts);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not record the receipts of " + receipts.size() + " message(s)", e);
        }
    }

    @Override
    protected final List<MessageContext> writeAndCommit(List<OutboxWriter.Caused> rows) {
        try {
            flush();
            List<MessageContext> contexts = messaging.outbox().append(connection, rows);
            connection.commit();
            return contexts;
        } catch (SQLException e) {
            throw new PersistenceFailure("Commit failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected final void end(boolean committed) {
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
