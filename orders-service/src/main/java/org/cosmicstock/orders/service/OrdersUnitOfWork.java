package org.cosmicstock.orders.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.cosmicstock.messaging.bus.UnitOfWork;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Orders;

public interface OrdersUnitOfWork extends UnitOfWork {

    Orders orders();

    /**
     * The rule behind {@link UnitOfWork#foreign} for this service: news (from the allocation events)
     * about an order it does not hold, one an outside producer's Allocate made. That is every command
     * but PlaceOrder whose order is not placed in the same batch and is {@code absent} from the store.
     */
    static Set<Object> newsOfOrdersHeldElsewhere(List<Object> messages, Predicate<String> absent) {
        Set<String> placedHere = new HashSet<>();
        messages.stream()
                .filter(Command.PlaceOrder.class::isInstance)
                .forEach(m -> placedHere.add(((Command.PlaceOrder) m).orderId().value()));
        Set<Object> foreign = new HashSet<>();
        for (Object message : messages) {
            if (message instanceof Command command
                    && !(command instanceof Command.PlaceOrder)
                    && !placedHere.contains(command.orderId().value())
                    && absent.test(command.orderId().value())) {
                foreign.add(message);
            }
        }
        return foreign;
    }
}
