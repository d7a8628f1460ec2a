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
                .command(
                        RecordAllocation.class,
                        RecordLineHandler.of((order, news) -> order.allocated(
                                news.sku().value(), news.batchRef().value())))
                .command(
                        RecordOutOfStock.class,
                        RecordLineHandler.of(
                                (order, news) -> order.outOfStock(news.sku().value())))
                .command(
                        RecordDeallocation.class,
                        RecordLineHandler.of(
                                (order, news) -> order.deallocated(news.sku().value())))
                .command(
                        RecordRejection.class,
                        RecordLineHandler.of(
                                (order, news) -> order.rejected(news.sku().value())))
                .conflictAttempts(conflictAttempts)
                .observer(observer)
                .build();
    }
}
