package org.cosmicstock.allocation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.LinesInMemory;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;

/**
 * Products in memory, stored like rows (a version, batches with their allocated quantity, lines in
 * allocation order): each unit of work works on its own copies, which replace the stored ones only
 * when it commits. So a rolled-back change is really gone.
 */
final class FakeProducts implements Products {

    private record Stored(int version, List<Batch> batches, List<Allocation> lines) {}

    private record Seen(Product product, LinesInMemory lines) {}

    private final Map<String, Stored> stored = new LinkedHashMap<>();
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    @Override
    public Product add(String sku) {
        LinesInMemory lines = new LinesInMemory();
        Product product = new Product(sku, 0, List.of(), lines);
        seen.put(sku, new Seen(product, lines));
        return product;
    }

    @Override
    public Optional<Product> get(String sku) {
        if (!seen.containsKey(sku) && stored.containsKey(sku)) {
            Stored row = stored.get(sku);
            LinesInMemory lines = new LinesInMemory(row.lines());
            seen.put(sku, new Seen(new Product(sku, row.version(), copy(row.batches()), lines), lines));
        }
        return Optional.ofNullable(seen.get(sku)).map(Seen::product);
    }

    @Override
    public Optional<Product> getByBatchRef(String reference) {
        for (Seen s : seen.values()) {
            if (s.product().batch(reference).isPresent()) {
                return Optional.of(s.product());
            }
        }
        return stored.entrySet().stream()
                .filter(e -> e.getValue().batches().stream()
                        .anyMatch(b -> b.reference().equals(reference)))
                .findFirst()
                .flatMap(e -> get(e.getKey()));
    }

    /** The products this unit of work loaded or added, as the real repository tracks them. */
    List<Product> seen() {
        return seen.values().stream().map(Seen::product).toList();
    }

    /** The stored lines of a batch, oldest first: what the database would hold. */
    List<OrderLine> storedLines(String sku, String batchReference) {
        return stored.get(sku).lines().stream()
                .filter(a -> a.batchReference().equals(batchReference))
                .map(Allocation::line)
                .toList();
    }

    void save() {
        seen.forEach((sku, s) -> stored.put(
                sku,
                new Stored(
                        s.product().versionNumber(),
                        copy(s.product().batches()),
                        s.lines().all())));
        seen.clear();
    }

    void forget() {
        seen.clear();
    }

    private static List<Batch> copy(List<Batch> batches) {
        return batches.stream()
                .map(b -> new Batch(b.reference(), b.sku(), b.purchasedQuantity(), b.allocatedQuantity(), b.eta()))
                .toList();
    }
}
