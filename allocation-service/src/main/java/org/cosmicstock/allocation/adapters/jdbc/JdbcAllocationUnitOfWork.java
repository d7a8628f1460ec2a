package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.messaging.jdbc.JdbcUnitOfWork;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.jdbc.TrackedAggregates;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/**
 * The allocation unit of work on PostgreSQL: the products a batch of messages changes, their events
 * in the outbox and the messages' receipts in the inbox, in one transaction.
 */
public final class JdbcAllocationUnitOfWork extends JdbcUnitOfWork implements AllocationUnitOfWork {

    private final JdbcProducts products;
    private final ProductWriter writer = new ProductWriter();
    private final Function<Event, OutgoingMessage> outgoing;

    public JdbcAllocationUnitOfWork(
            DataSource dataSource, TransactionalMessaging messaging, Function<Event, OutgoingMessage> outgoing) {
        super(dataSource, messaging);
        this.products = new JdbcProducts(connection());
        this.outgoing = outgoing;
    }

    @Override
    public Products products() {
        return products;
    }

    /** One preload for the whole batch: its products, the batches it names and the lines it allocates. */
    @Override
    public void prepare(List<Object> messages) {
        Set<String> skus = new LinkedHashSet<>();
        Set<String> references = new LinkedHashSet<>();
        List<StoredLines.LineKey> lines = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof Command.Allocate a) {
                skus.add(a.sku().value());
                lines.add(new StoredLines.LineKey(a.orderId().value(), a.sku().value()));
            } else if (message instanceof Event.Deallocated d) {
                skus.add(d.sku());
                lines.add(new StoredLines.LineKey(d.orderId(), d.sku()));
            } else if (message instanceof Command.CreateBatch c) {
                skus.add(c.sku().value());
            } else if (message instanceof Command.ChangeBatchQuantity c) {
                if (c.sku() != null) {
                    skus.add(c.sku().value());
                }
                references.add(c.ref().value());
            }
        }
        try {
            products.preload(skus, references, lines);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not preload " + skus.size() + " product(s)", e);
        }
    }

    @Override
    protected List<Object> drainEvents() {
        List<Object> events = new ArrayList<>();
        for (TrackedAggregates.Tracked<Product> tracked : products.tracked()) {
            events.addAll(tracked.aggregate().drainEvents());
        }
        return events;
    }

    @Override
    protected void flush() throws SQLException {
        writer.save(connection(), products);
    }

    @Override
    protected OutgoingMessage toOutgoing(Object event) {
        return outgoing.apply((Event) event);
    }
}
