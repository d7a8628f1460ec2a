package org.cosmicstock.allocation.domain;

import java.util.Optional;

/** The repository port of the Product aggregate. */
public interface Products {

    void add(Product product);

    Optional<Product> get(String sku);

    Optional<Product> getByBatchRef(String reference);
}
