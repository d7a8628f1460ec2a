package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.jdbc.JdbcUnitOfWork;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/** The allocation unit of work on PostgreSQL: products, their events in the outbox and the inbox, in one transaction. */
public final class JdbcAllocationUnitOfWork extends JdbcUnitOfWork implements AllocationUnitOfWork {

    private final JdbcProducts products;
    private final ProductWriter writer = new ProductWriter();
    private final Function<Event, OutgoingMessage> outgoing;

    public JdbcAllocationUnitOfWork(
            DataSource dataSource,
            MessageContext context,
            TransactionalMessaging messaging,
            Function<Event, OutgoingMessage> outgoing) {
        super(dataSource, context, messaging);
        this.products = new JdbcProducts(connection());
        this.outgoing = outgoing;
    }

    @Override
    public Products products() {
        return products;
    }

    @Override
    protected List<Object> flush() throws SQLException {
        List<Object> events = new ArrayList<>();
        for (JdbcProducts.Tracked tracked : products.seen()) {
            writer.save(connection(), tracked);
            events.addAll(tracked.product().drainEvents());
        }
        return events;
    }

    @Override
    protected OutgoingMessage toOutgoing(Object event) {
        return outgoing.apply((Event) event);
    }
}
