package org.cosmicstock.allocation.service;

import java.util.ArrayList;
import java.util.List;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.messaging.testing.InMemoryUnitOfWork;

/** The book's FakeUnitOfWork over products: they are stored, and their events published, only on commit. */
final class FakeUnitOfWork extends InMemoryUnitOfWork implements AllocationUnitOfWork {

    private final FakeProducts products = new FakeProducts();

    FakeUnitOfWork begin() {
        start();
        return this;
    }

    @Override
    public Products products() {
        return products;
    }

    FakeProducts storedProducts() {
        return products;
    }

    @Override
    protected List<Object> drainEvents() {
        List<Object> events = new ArrayList<>();
        for (Product product : products.seen()) {
            events.addAll(product.drainEvents());
        }
        return events;
    }

    @Override
    protected void saveChanges() {
        products.save();
    }

    @Override
    protected void discardChanges() {
        products.forget();
    }
}
