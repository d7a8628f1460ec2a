package org.cosmicstock.orders.adapters.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.jdbc.JdbcUnitOfWork;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.orders.domain.AllocationRequested;
import org.cosmicstock.orders.domain.Orders;
import org.cosmicstock.orders.service.OrdersUnitOfWork;

/** Orders, the Allocate commands they send (through the outbox) and the inbox, in one transaction. */
public final class JdbcOrdersUnitOfWork extends JdbcUnitOfWork implements OrdersUnitOfWork {

    private final JdbcOrders orders;
    private final Function<AllocationRequested, OutgoingMessage> outgoing;

    public JdbcOrdersUnitOfWork(
            DataSource dataSource,
            MessageContext context,
            TransactionalMessaging messaging,
            Function<AllocationRequested, OutgoingMessage> outgoing) {
        super(dataSource, context, messaging);
        this.orders = new JdbcOrders(connection());
        this.outgoing = outgoing;
    }

    @Override
    public Orders orders() {
        return orders;
    }

    @Override
    protected List<Object> flush() throws SQLException {
        return orders.saveAll();
    }

    @Override
    protected OutgoingMessage toOutgoing(Object event) {
        return outgoing.apply((AllocationRequested) event);
    }
}
