package org.cosmicstock.orders.service;

import java.util.Optional;
import java.util.function.BiPredicate;
import org.cosmicstock.messaging.bus.Handler;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Order;

/**
 * Records the allocation service's news about one line of an order (allocated, out of stock, deallocated,
 * rejected) on the order the command names, with the {@link Order} method that says whether it changed the line.
 * News about an order placed elsewhere, about a line the order lacks, or heard before, is skipped.
 */
public final class RecordLineHandler<C extends Command> implements Handler<C, OrdersUnitOfWork> {

    private final BiPredicate<Order, C> record;

    private RecordLineHandler(BiPredicate<Order, C> record) {
        this.record = record;
    }

    /** {@code record} applies the news to the order the command names and answers whether the line changed. */
    public static <C extends Command> RecordLineHandler<C> of(BiPredicate<Order, C> record) {
        return new RecordLineHandler<>(record);
    }

    @Override
    public Outcome handle(C command, OrdersUnitOfWork uow) {
        Optional<Order> order = uow.orders().get(command.orderId().value());
        boolean changed = order.isPresent() && record.test(order.get(), command);
        return changed ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
