package org.cosmicstock.orders.service;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
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

    private final Function<C, String> orderId;
    private final BiPredicate<Order, C> record;

    private RecordLineHandler(Function<C, String> orderId, BiPredicate<Order, C> record) {
        this.orderId = orderId;
        this.record = record;
    }

    /** {@code record} applies the news to the order and answers whether the line changed. */
    public static <C extends Command> RecordLineHandler<C> of(
            Function<C, String> orderId, BiPredicate<Order, C> record) {
        return new RecordLineHandler<>(orderId, record);
    }

    @Override
    public Outcome handle(C command, OrdersUnitOfWork uow) {
        Optional<Order> order = uow.orders().get(orderId.apply(command));
        boolean changed = order.isPresent() && record.test(order.get(), command);
        return changed ? Outcome.PROCESSED : Outcome.SKIPPED;
    }
}
