package org.cosmicstock.orders.service;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageBusBuilder;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Command;

/** Every handler of the orders service, in one visible place (the book's bootstrap maps). */
public final class Handlers {

    private Handlers() {}

    public static MessageBus<OrdersUnitOfWork> bus(Supplier<OrdersUnitOfWork> unitsOfWork) {
        return bus(unitsOfWork, 5, MessageBusBuilder.AS_IS);
    }

    public static MessageBus<OrdersUnitOfWork> bus(
            Supplier<OrdersUnitOfWork> unitsOfWork,
            int conflictAttempts,
            BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> around) {
        return MessageBus.builder(unitsOfWork)
                .command(Command.PlaceOrder.class, new PlaceOrderHandler())
                .command(
                        Command.RecordAllocation.class,
                        RecordLineHandler.of((order, news) -> order.allocated(
                                news.sku().value(), news.batchRef().value())))
                .command(
                        Command.RecordOutOfStock.class,
                        RecordLineHandler.of(
                                (order, news) -> order.outOfStock(news.sku().value())))
                .command(
                        Command.RecordDeallocation.class,
                        RecordLineHandler.of(
                                (order, news) -> order.deallocated(news.sku().value())))
                .command(
                        Command.RecordRejection.class,
                        RecordLineHandler.of(
                                (order, news) -> order.rejected(news.sku().value())))
                .conflictAttempts(conflictAttempts)
                .around(around)
                .build();
    }
}
