package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.jdbc.TrackedAggregates;

/**
 * Products in PostgreSQL, on the unit of work's connection. A product is its version row and its
 * batches (with their allocated quantities); its lines are looked up on demand. Every product handed
 * out is tracked with what it was loaded as (its version, its batches' quantities; its lines record
 * what changed), so the unit of work saves the changed ones and collects their events; a batch of
 * commands is served by a preload of all the products, batch references and lines it names.
 */
final class JdbcProducts implements Products {

    // One round trip: each product's version row with its batches (none for a product without any).
    // Both tables are filtered by the SKUs, so that the plan PostgreSQL keeps for the statement reads
    // both through their indexes, never every batch (as it would joining on b.sku = p.sku alone).
    private static final String LOAD = """
            select p.sku, p.version_number, b.reference, b.purchased_quantity, b.allocated_quantity, b.eta
              from products p left join batches b on b.sku = p.sku and b.sku = any(?)
             where p.sku = any(?)
             order by b.id
            """;

    private final Connection connection;
    private final TrackedAggregates<String, Product> products = new TrackedAggregates<>();
    private final Map<String, Map<String, StoredBatch>> storedBatches = new HashMap<>();
    private final Map<String, String> skuOfBatch = new HashMap<>();
    private final StoredLines lines;
    private final Map<String, StoredLines.ProductLines> linesOf = new HashMap<>();

    JdbcProducts(Connection connection) {
        this.connection = connection;
        this.lines = new StoredLines(connection);
    }

    @Override
    public Product add(String sku) {
        StoredLines.ProductLines none = lines.of(sku, false);
        Product product = new Product(sku, 0, List.of(), none);
        products.added(sku, product);
        storedBatches.put(sku, Map.of());
        linesOf.put(sku, none);
        return product;
    }

    @Override
    public Optional<Product> get(String sku) {
        return products.find(sku, key -> {
            try {
                Map<String, TrackedAggregates.Loaded<Product>> loaded = load(List.of(key));
                return Optional.ofNullable(loaded.get(key));
            } catch (SQLException e) {
                throw new PersistenceFailure("Could not load product " + key, e);
            }
        });
    }

    @Override
    public Optional<Product> getByBatchRef(String reference) {
        // A batch created earlier in this unit of work (the same poll's batch) is not stored yet.
        for (TrackedAggregates.Tracked<Product> tracked : products.all()) {
            if (tracked.aggregate().batch(reference).isPresent()) {
                return Optional.of(tracked.aggregate());
            }
        }
        try {
            preloadBatchReferences(List.of(reference));
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not find the product of batch " + reference, e);
        }
        String sku = skuOfBatch.get(reference);
        return sku == null || sku.isEmpty() ? Optional.empty() : get(sku);
    }

    /** Reads, in a few queries, everything a batch of commands will ask for. */
    void preload(Collection<String> skus, Collection<String> batchReferences, Collection<StoredLines.LineKey> lineKeys)
            throws SQLException {
        preloadBatchReferences(batchReferences);
        List<String> wanted = new ArrayList<>(skus);
        batchReferences.stream()
                .map(skuOfBatch::get)
                .filter(sku -> sku != null && !sku.isEmpty())
                .forEach(wanted::add);
        List<String> unknown = products.unknown(wanted);
        if (!unknown.isEmpty()) {
            products.preloaded(unknown, load(unknown));
        }
        lines.preload(lineKeys);
    }

    Collection<TrackedAggregates.Tracked<Product>> tracked() {
        return products.all();
    }

    Map<String, StoredBatch> storedBatchesOf(String sku) {
        return storedBatches.getOrDefault(sku, Map.of());
    }

    /** The lines of a product handed out, with what changed since it was loaded. */
    StoredLines.ProductLines linesOf(String sku) {
        return linesOf.get(sku);
    }

    private void preloadBatchReferences(Collection<String> references) throws SQLException {
        List<String> unknown = references.stream()
                .filter(r -> !skuOfBatch.containsKey(r))
                .distinct()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(r -> skuOfBatch.put(r, ""));
        try (PreparedStatement select =
                connection.prepareStatement("select reference, sku from batches where reference = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", unknown.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    skuOfBatch.put(r.getString(1), r.getString(2));
                }
            }
        }
    }

    private Map<String, TrackedAggregates.Loaded<Product>> load(List<String> skus) throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        Map<String, List<Batch>> batches = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOAD)) {
            java.sql.Array wanted = connection.createArrayOf("text", skus.toArray());
            select.setArray(1, wanted);
            select.setArray(2, wanted);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String sku = r.getString(1);
                    versions.put(sku, r.getInt(2));
                    String reference = r.getString(3);
                    if (reference == null) {
                        continue;
                    }
                    Batch batch = new Batch(reference, sku, r.getInt(4), r.getInt(5), r.getObject(6, LocalDate.class));
                    batches.computeIfAbsent(sku, s -> new ArrayList<>()).add(batch);
                    storedBatches
                            .computeIfAbsent(sku, s -> new LinkedHashMap<>())
                            .put(reference, new StoredBatch(batch.purchasedQuantity(), batch.allocatedQuantity()));
                    skuOfBatch.put(reference, sku);
                }
            }
        }
        Map<String, TrackedAggregates.Loaded<Product>> loaded = new HashMap<>();
        versions.forEach((sku, version) -> {
            storedBatches.putIfAbsent(sku, Map.of());
            StoredLines.ProductLines stored = lines.of(sku, true);
            linesOf.put(sku, stored);
            Product product = new Product(sku, version, batches.getOrDefault(sku, List.of()), stored);
            loaded.put(sku, new TrackedAggregates.Loaded<>(product, version));
        });
        return loaded;
    }
}
