package org.cosmicstock.allocation.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.allocation.domain.AllocatedLines;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;

/**
 * Products in memory, stored like rows (a version, batches with their allocated quantity, lines in
 * allocation order): each unit of work works on its own copies, which replace the stored ones only
 * when it commits. So a rolled-back change is really gone.
 */
final class FakeProducts implements Products {

    private record Stored(int version, List<Batch> batches, LinkedHashMap<String, Allocation> lines) {}

    private final Map<String, Stored> stored = new LinkedHashMap<>();
    private final Map<String, Product> seen = new LinkedHashMap<>();

    @Override
    public void add(Product product) {
        seen.put(product.sku(), product);
    }

    @Override
    public Optional<Product> get(String sku) {
        if (!seen.containsKey(sku) && stored.containsKey(sku)) {
            seen.put(sku, load(sku, stored.get(sku)));
        }
        return Optional.ofNullable(seen.get(sku));
    }

    @Override
    public Optional<Product> getByBatchRef(String reference) {
        for (Product product : seen.values()) {
            if (product.batch(reference).isPresent()) {
                return Optional.of(product);
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
        return List.copyOf(seen.values());
    }

    /** The stored lines of a batch, oldest first: what the database would hold. */
    List<OrderLine> storedLines(String sku, String batchReference) {
        return stored.get(sku).lines().values().stream()
                .filter(a -> a.batchReference().equals(batchReference))
                .map(Allocation::line)
                .toList();
    }

    void save() {
        seen.forEach((sku, product) -> {
            Stored before = stored.get(sku);
            LinkedHashMap<String, Allocation> lines =
                    before == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before.lines());
            product.deallocatedSinceLoad()
                    .forEach(a -> lines.remove(a.line().orderId().value()));
            product.allocatedSinceLoad()
                    .forEach(a -> lines.put(a.line().orderId().value(), a));
            stored.put(sku, new Stored(product.versionNumber(), copy(product.batches()), lines));
        });
        seen.clear();
    }

    void forget() {
        seen.clear();
    }

    private static Product load(String sku, Stored row) {
        LinkedHashMap<String, Allocation> lines = new LinkedHashMap<>(row.lines());
        AllocatedLines view = new AllocatedLines() {
            @Override
            public Optional<String> batchOf(String orderId) {
                return Optional.ofNullable(lines.get(orderId)).map(Allocation::batchReference);
            }

            @Override
            public Iterator<OrderLine> newestFirst(String batchReference) {
                List<OrderLine> newest = new ArrayList<>();
                lines.values().stream()
                        .filter(a -> a.batchReference().equals(batchReference))
                        .forEach(a -> newest.add(0, a.line()));
                return newest.iterator();
            }
        };
        return new Product(sku, row.version(), copy(row.batches()), view);
    }

    private static List<Batch> copy(List<Batch> batches) {
        return batches.stream()
                .map(b -> new Batch(b.reference(), b.sku(), b.purchasedQuantity(), b.allocatedQuantity(), b.eta()))
                .toList();
    }
}
