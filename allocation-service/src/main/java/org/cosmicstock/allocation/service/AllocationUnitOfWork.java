package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.messaging.bus.UnitOfWork;

/** A unit of work over products: what the handlers change, commit together with their events. */
public interface AllocationUnitOfWork extends UnitOfWork {

    Products products();
}
