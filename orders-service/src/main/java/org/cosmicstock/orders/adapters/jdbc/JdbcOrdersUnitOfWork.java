package org.cosmicstock.orders.adapters.jdbc;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cosmicstock.messaging.jdbc.JdbcUnitOfWork;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;
import org.cosmicstock.orders.domain.Orders;
import org.cosmicstock.orders.service.OrdersUnitOfWork;

/** The orders unit of work on PostgreSQL: orders, their Allocate commands in the outbox and the inbox, in one transaction. */
public final class JdbcOrdersUnitOfWork extends JdbcUnitOfWork implements OrdersUnitOfWork {

    private final JdbcOrders orders;
    private final Function<Event, OutgoingMessage> outgoing;

    public JdbcOrdersUnitOfWork(
            DataSource dataSource, TransactionalMessaging messaging, Function<Event, OutgoingMessage> outgoing) {
        super(dataSource, messaging);
        this.orders = new JdbcOrders(connection());
        this.outgoing = outgoing;
    }

    @Override
    public Orders orders() {
        return orders;
    }

    /** Every order a batch of commands names, in one read. */
    @Override
    public void prepare(List<Object> messages) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object message : messages) {
            if (message instanceof Command command) {
                ids.add(command.orderId().value());
            }
        }
        try {
            orders.preload(ids);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not preload " + ids.size() + " order(s)", e);
        }
    }

    /**
     * News (from the allocation events) about orders this service does not hold, ones an outside
     * producer's Allocate made: the handlers would skip it, so it needs no receipt. The orders are
     * read here in one query, which {@link #prepare} then finds done.
     */
    @Override
    public Set<Object> foreign(List<Object> messages) {
        prepare(messages);
        return OrdersUnitOfWork.newsOfOrdersHeldElsewhere(messages, orders::isAbsent);
    }

    @Override
    protected List<Object> drainEvents() {
        return orders.drainEvents();
    }

    @Override
    protected void flush() throws SQLException {
        orders.saveAll();
    }

    @Override
    protected OutgoingMessage toOutgoing(Object event) {
        return outgoing.apply((Event) event);
    }
}
