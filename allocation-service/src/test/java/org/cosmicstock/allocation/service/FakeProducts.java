package org.cosmicstock.allocation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;

/**
 * Products in memory, read like rows: each unit of work works on its own copies, which replace the
 * stored ones only when it commits. So a rolled-back change is really gone.
 */
final class FakeProducts implements Products {

    private final Map<String, Product> stored = new LinkedHashMap<>();
    private final Map<String, Product> seen = new LinkedHashMap<>();

    @Override
    public void add(Product product) {
        seen.put(product.sku(), product);
    }

    @Override
    public Optional<Product> get(String sku) {
        if (!seen.containsKey(sku) && stored.containsKey(sku)) {
            seen.put(sku, copyOf(stored.get(sku)));
        }
        return Optional.ofNullable(seen.get(sku));
    }

    @Override
    public Optional<Product> getByBatchRef(String reference) {
        return Stream.concat(seen.values().stream(), stored.values().stream())
                .filter(product -> product.batch(reference).isPresent())
                .findFirst()
                .flatMap(product -> get(product.sku()));
    }

    /** The products this unit of work loaded or added, as the real repository tracks them. */
    List<Product> seen() {
        return List.copyOf(seen.values());
    }

    void save() {
        stored.putAll(seen);
        seen.clear();
    }

    void forget() {
        seen.clear();
    }

    private static Product copyOf(Product product) {
        List<Batch> batches = product.batches().stream()
                .map(b -> new Batch(b.reference(), b.sku(), b.purchasedQuantity(), b.eta(), b.allocations()))
                .toList();
        return new Product(product.sku(), product.versionNumber(), batches);
    }
}
