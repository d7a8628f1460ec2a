package org.cosmicstock.allocation.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;

/**
 * The book's FakeUnitOfWork: one object the bus begins again for every message, with the products,
 * the inbox and every event ever committed. Like the real one, it collects at commit the events of
 * the products it saw, each published under a new message id caused by the message being handled.
 */
final class FakeUnitOfWork implements AllocationUnitOfWork {

    private final FakeProducts products = new FakeProducts();
    private final Set<String> inbox = new HashSet<>();
    private final Set<String> receipts = new HashSet<>();
    private final List<RaisedEvent> published = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private MessageContext context;
    private boolean committed;

    FakeUnitOfWork begin(MessageContext context) {
        this.context = context;
        this.committed = false;
        this.committedEvents = List.of();
        receipts.clear();
        products.forget();
        return this;
    }

    @Override
    public Products products() {
        return products;
    }

    @Override
    public boolean firstDelivery(String receipt) {
        return !inbox.contains(receipt) && receipts.add(receipt);
    }

    @Override
    public void commit() {
        List<RaisedEvent> raised = new ArrayList<>();
        for (Product product : products.seen()) {
            for (Event event : product.drainEvents()) {
                String eventId = "event-" + (published.size() + raised.size() + 1);
                raised.add(new RaisedEvent(event, context.causing(eventId)));
            }
        }
        products.save();
        inbox.addAll(receipts);
        published.addAll(raised);
        committedEvents = List.copyOf(raised);
        committed = true;
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }

    @Override
    public void close() {
        products.forget();
        receipts.clear();
    }

    /** Whether the last unit of work committed. */
    boolean committed() {
        return committed;
    }

    /** Every event committed so far, oldest first, with the context it was published under. */
    List<RaisedEvent> published() {
        return List.copyOf(published);
    }

    List<Object> publishedEvents() {
        return published.stream().map(RaisedEvent::event).toList();
    }
}
