package org.cosmicstock.orders.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.Orders;

/** Orders in memory: each unit of work works on its own copies, stored only when it commits. */
final class FakeOrders implements Orders {

    private final Map<String, Order> stored = new LinkedHashMap<>();
    private final Map<String, Order> seen = new LinkedHashMap<>();

    @Override
    public void add(Order order) {
        seen.put(order.orderId(), order);
    }

    @Override
    public Optional<Order> get(String orderId) {
        if (!seen.containsKey(orderId) && stored.containsKey(orderId)) {
            Order order = stored.get(orderId);
            seen.put(orderId, new Order(order.orderId(), order.lines(), order.version()));
        }
        return Optional.ofNullable(seen.get(orderId));
    }

    List<Order> seen() {
        return List.copyOf(seen.values());
    }

    void save() {
        stored.putAll(seen);
        seen.clear();
    }

    void forget() {
        seen.clear();
    }
}
