package org.cosmicstock.orders.service;

import org.cosmicstock.messaging.bus.HandlerObserver;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.UnitOfWorkFactory;
import org.cosmicstock.orders.domain.PlaceOrder;
import org.cosmicstock.orders.domain.RecordAllocation;
import org.cosmicstock.orders.domain.RecordDeallocation;
import org.cosmicstock.orders.domain.RecordOutOfStock;
import org.cosmicstock.orders.domain.RecordRejection;

/** Every handler of the orders service, in one visible place (the book's bootstrap maps). */
public final class Handlers {

    private Handlers() {}

    public static MessageBus<OrdersUnitOfWork> bus(UnitOfWorkFactory<OrdersUnitOfWork> unitsOfWork) {
        return bus(unitsOfWork, 5, HandlerObserver.NONE);
    }

    public static MessageBus<OrdersUnitOfWork> bus(
            UnitOfWorkFactory<OrdersUnitOfWork> unitsOfWork, int conflictAttempts, HandlerObserver observer) {
        return MessageBus.builder(unitsOfWork)
                .command(PlaceOrder.class, new PlaceOrderHandler())
                .command(RecordAllocation.class, new RecordAllocationHandler())
                .command(RecordOutOfStock.class, new RecordOutOfStockHandler())
                .command(RecordDeallocation.class, new RecordDeallocationHandler())
                .command(RecordRejection.class, new RecordRejectionHandler())
                .conflictAttempts(conflictAttempts)
                .observer(observer)
                .build();
    }
}
