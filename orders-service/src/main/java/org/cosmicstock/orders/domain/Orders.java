package org.cosmicstock.orders.domain;

import java.util.Optional;

/** The repository port of the Order aggregate. */
public interface Orders {

    void add(Order order);

    Optional<Order> get(String orderId);
}
