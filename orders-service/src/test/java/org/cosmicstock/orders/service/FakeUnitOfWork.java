package org.cosmicstock.orders.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.orders.domain.AllocationRequested;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.Orders;

/**
 * One object the bus begins again for every message, holding the orders, the inbox and every
 * AllocationRequested ever committed (what the outbox would send). Collects at commit the events of
 * the orders it saw, like the real one.
 */
final class FakeUnitOfWork implements OrdersUnitOfWork {

    private final FakeOrders orders = new FakeOrders();
    private final Set<String> inbox = new HashSet<>();
    private final Set<String> receipts = new HashSet<>();
    private final List<RaisedEvent> sent = new ArrayList<>();
    private List<RaisedEvent> committedEvents = List.of();
    private MessageContext context;
    private boolean committed;

    FakeUnitOfWork begin(MessageContext context) {
        this.context = context;
        this.committed = false;
        this.committedEvents = List.of();
        receipts.clear();
        orders.forget();
        return this;
    }

    @Override
    public Orders orders() {
        return orders;
    }

    @Override
    public boolean firstDelivery(String receipt) {
        return !inbox.contains(receipt) && receipts.add(receipt);
    }

    @Override
    public void commit() {
        List<RaisedEvent> raised = new ArrayList<>();
        for (Order order : orders.seen()) {
            for (AllocationRequested event : order.drainEvents()) {
                raised.add(new RaisedEvent(event, context.causing("message-" + (sent.size() + raised.size() + 1))));
            }
        }
        orders.save();
        inbox.addAll(receipts);
        sent.addAll(raised);
        committedEvents = List.copyOf(raised);
        committed = true;
    }

    @Override
    public List<RaisedEvent> committedEvents() {
        return committedEvents;
    }

    @Override
    public void close() {
        orders.forget();
        receipts.clear();
    }

    boolean committed() {
        return committed;
    }

    /** Every allocation request committed so far, oldest first. */
    List<Object> sent() {
        return sent.stream().map(RaisedEvent::event).toList();
    }
}
