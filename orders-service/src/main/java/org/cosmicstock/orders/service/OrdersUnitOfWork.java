package org.cosmicstock.orders.service;

import org.cosmicstock.messaging.bus.UnitOfWork;
import org.cosmicstock.orders.domain.Orders;

public interface OrdersUnitOfWork extends UnitOfWork {

    Orders orders();
}
