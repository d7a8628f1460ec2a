package org.cosmicstock.orders.service;

import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Order;

/**
 * Places the order, which requests an allocation per line. An order id that exists already changes
 * nothing: clients may safely retry.
 */
public final class PlaceOrderHandler implements Handler<Command.PlaceOrder, OrdersUnitOfWork> {

    @Override
    public Outcome handle(Command.PlaceOrder command, OrdersUnitOfWork uow) {
        String orderId = command.orderId().value();
        if (uow.orders().get(orderId).isPresent()) {
            return Outcome.SKIPPED;
        }
        uow.orders().add(Order.place(orderId, command.lines()));
        return Outcome.PROCESSED;
    }
}
