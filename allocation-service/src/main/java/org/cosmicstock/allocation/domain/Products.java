package org.cosmicstock.allocation.domain;

import java.util.Optional;

/** The repository port of the Product aggregate. */
public interface Products {

    /** A new product of {@code sku}, with no batches yet, kept from now on. */
    Product add(String sku);

    Optional<Product> get(String sku);

    Optional<Product> getByBatchRef(String reference);
}
