package org.cosmicstock.orders.domain;

import java.util.List;

/** A client's new order, from POST /orders. */
public record PlaceOrder(String orderId, List<OrderLine> lines) implements Command {}
