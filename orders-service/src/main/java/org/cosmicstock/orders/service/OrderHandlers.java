package org.cosmicstock.orders.service;

import java.util.Optional;
import java.util.function.Predicate;
import org.cosmicstock.messaging.bus.HandlerObserver;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.bus.UnitOfWorkFactory;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.OrderCommand.PlaceOrder;
import org.cosmicstock.orders.domain.OrderCommand.RecordAllocation;
import org.cosmicstock.orders.domain.OrderCommand.RecordDeallocation;
import org.cosmicstock.orders.domain.OrderCommand.RecordOutOfStock;
import org.cosmicstock.orders.domain.OrderCommand.RecordRejection;

/** Every handler of the orders service, registered in one visible place. */
public final class OrderHandlers {

    private OrderHandlers() {}

    public static MessageBus<OrdersUnitOfWork> bus(UnitOfWorkFactory<OrdersUnitOfWork> unitsOfWork) {
        return bus(unitsOfWork, 5, HandlerObserver.NONE);
    }

    public static MessageBus<OrdersUnitOfWork> bus(
            UnitOfWorkFactory<OrdersUnitOfWork> unitsOfWork, int conflictAttempts, HandlerObserver observer) {
        return MessageBus.builder(unitsOfWork)
                .command(PlaceOrder.class, OrderHandlers::placeOrder)
                .command(
                        RecordAllocation.class,
                        (c, uow) -> update(uow, c.orderId(), o -> o.allocated(c.sku(), c.batchRef())))
                .command(RecordOutOfStock.class, (c, uow) -> update(uow, c.orderId(), o -> o.outOfStock(c.sku())))
                .command(RecordDeallocation.class, (c, uow) -> update(uow, c.orderId(), o -> o.deallocated(c.sku())))
                .command(RecordRejection.class, (c, uow) -> update(uow, c.orderId(), o -> o.rejected(c.sku())))
                .conflictAttempts(conflictAttempts)
                .observer(observer)
                .build();
    }

    /** Placing an order id that exists already changes nothing: clients may safely retry. */
    static Outcome placeOrder(PlaceOrder command, OrdersUnitOfWork uow) {
        if (uow.orders().get(command.orderId()).isPresent()) {
            return Outcome.SKIPPED;
        }
        uow.orders().add(Order.place(command.orderId(), command.lines()));
        return Outcome.PROCESSED;
    }

    /** Allocation events about orders placed elsewhere (or lines this order lacks) are skipped. */
    private static Outcome update(OrdersUnitOfWork uow, String orderId, Predicate<Order> change) {
        Optional<Order> order = uow.orders().get(orderId);
        return order.isPresent() && change.test(order.get()) ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
