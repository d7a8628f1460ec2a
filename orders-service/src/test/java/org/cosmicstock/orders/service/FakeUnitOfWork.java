package org.cosmicstock.orders.service;

import java.util.ArrayList;
import java.util.List;
import org.cosmicstock.messaging.testing.InMemoryUnitOfWork;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.Orders;

/**
 * A fake unit of work over orders: they are stored only on commit, and the AllocationRequested
 * they raise are what the outbox would send.
 */
final class FakeUnitOfWork extends InMemoryUnitOfWork implements OrdersUnitOfWork {

    private final FakeOrders orders = new FakeOrders();

    FakeUnitOfWork begin() {
        start();
        return this;
    }

    @Override
    public Orders orders() {
        return orders;
    }

    @Override
    protected List<Object> drainEvents() {
        List<Object> events = new ArrayList<>();
        for (Order order : orders.seen()) {
            events.addAll(order.drainEvents());
        }
        return events;
    }

    @Override
    protected void saveChanges() {
        orders.save();
    }

    @Override
    protected void discardChanges() {
        orders.forget();
    }
}
