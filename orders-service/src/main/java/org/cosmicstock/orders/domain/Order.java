package org.cosmicstock.orders.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosmicstock.domain.RaisedEvents;

/** The Order aggregate: its lines and where each stands in allocation. One line per SKU. */
public final class Order {

    private final String orderId;
    private final Map<String, OrderLine> lines;
    private final RaisedEvents<Event> events = new RaisedEvents<>();
    private int version;

    public Order(String orderId, List<OrderLine> lines, int version) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId is required");
        }
        this.orderId = orderId;
        this.lines = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            if (this.lines.putIfAbsent(line.sku().value(), line) != null) {
                throw new IllegalArgumentException("Order " + orderId + " has two lines for sku " + line.sku());
            }
        }
        this.version = version;
    }

    /** A new order: every line pending, and an allocation requested for each. */
    public static Order place(String orderId, List<OrderLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Order order = new Order(orderId, lines, 0);
        lines.forEach(l -> order.events.add(
                new Event.AllocationRequested(orderId, l.sku().value(), l.qty().value())));
        order.version++;
        return order;
    }

    public String orderId() {
        return orderId;
    }

    public int version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines.values());
    }

    public OrderStatus status() {
        long allocated = count(LineStatus.ALLOCATED);
        if (count(LineStatus.PENDING) > 0) {
            return OrderStatus.PENDING;
        }
        if (allocated == lines.size()) {
            return OrderStatus.ALLOCATED;
        }
        if (allocated > 0) {
            return OrderStatus.PARTIALLY_ALLOCATED;
        }
        return count(LineStatus.REJECTED) == lines.size() ? OrderStatus.REJECTED : OrderStatus.OUT_OF_STOCK;
    }

    /** Returns false when the order has no line for {@code sku} or nothing changed. */
    public boolean allocated(String sku, String batchRef) {
        return change(sku, LineStatus.ALLOCATED, batchRef);
    }

    public boolean outOfStock(String sku) {
        return change(sku, LineStatus.OUT_OF_STOCK, null);
    }

    /** The allocation service refused the line (for example: no such SKU); it stays refused. */
    public boolean rejected(String sku) {
        return change(sku, LineStatus.REJECTED, null);
    }

    /** The line lost its batch; the allocation service reallocates it, so it is pending again. */
    public boolean deallocated(String sku) {
        return change(sku, LineStatus.PENDING, null);
    }

    public List<Event> drainEvents() {
        return events.drain();
    }

    private boolean change(String sku, LineStatus status, String batchRef) {
        OrderLine line = lines.get(sku);
        if (line == null || (line.status() == status && java.util.Objects.equals(line.batchRef(), batchRef))) {
            return false;
        }
        lines.put(sku, line.with(status, batchRef));
        version++;
        return true;
    }

    private long count(LineStatus status) {
        return lines.values().stream().filter(l -> l.status() == status).count();
    }
}
