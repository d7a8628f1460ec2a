package org.cosmicstock.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.LinesInMemory;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;

/**
 * allocation-service's database in memory: per SKU a version row, its batches and its allocated lines,
 * with the JDBC adapter's rules: a product is saved only if its version did not move since it was
 * loaded (or, new, if nobody inserted it meanwhile); a batch reference is unique across SKUs.
 */
final class AllocationDatabase {

    record StoredBatch(String ref, int purchased, int allocated, LocalDate eta) {}

    record StoredLine(String orderId, String sku, int qty, String batchRef) {}

    static final class StoredProduct {
        int version;
        final Map<String, StoredBatch> batches = new LinkedHashMap<>();
        final List<StoredLine> lines = new ArrayList<>();
    }

    final Database db;
    final Map<String, StoredProduct> products = new TreeMap<>();
    final Map<String, String> skuOfBatch = new TreeMap<>();

    AllocationDatabase(World world, String eventsTopic) {
        this.db = new Database("allocation", "/allocation-service", world);
        this.events = new AvroEvents(eventsTopic);
    }

    private final AvroEvents events;

    AllocationUnitOfWork begin() {
        return new Tx();
    }

    private final class Tx extends AggregateTransaction<Product> implements AllocationUnitOfWork, Products {

        /** Each product's lines (all in memory, as the stored ones are), for the write. */
        private final Map<String, LinesInMemory> linesOf = new LinkedHashMap<>();

        Tx() {
            super(
                    db,
                    event -> events.toOutgoing((Event) event),
                    "Product",
                    Product::sku,
                    Product::versionNumber,
                    Product::drainEvents);
        }

        @Override
        public Products products() {
            return this;
        }

        @Override
        public Product add(String sku) {
            LinesInMemory lines = new LinesInMemory();
            Product added = new Product(sku, 0, List.of(), lines);
            track(added);
            linesOf.put(sku, lines);
            return added;
        }

        @Override
        public Optional<Product> get(String sku) {
            return find(sku);
        }

        @Override
        public Optional<Product> getByBatchRef(String reference) {
            for (Product product : handedOut()) {
                if (product.batch(reference).isPresent()) {
                    return Optional.of(product);
                }
            }
            String sku = skuOfBatch.get(reference);
            return sku == null ? Optional.empty() : get(sku);
        }

        @Override
        OptionalInt storedVersion(String sku) {
            StoredProduct stored = products.get(sku);
            return stored == null ? OptionalInt.empty() : OptionalInt.of(stored.version);
        }

        @Override
        Optional<Product> load(String sku) {
            StoredProduct stored = products.get(sku);
            if (stored == null) {
                return Optional.empty();
            }
            List<Batch> batches = new ArrayList<>();
            stored.batches
                    .values()
                    .forEach(b -> batches.add(new Batch(b.ref(), sku, b.purchased(), b.allocated(), b.eta())));
            LinesInMemory lines = new LinesInMemory(stored.lines.stream()
                    .map(l -> new Allocation(new OrderLine(l.orderId(), l.sku(), l.qty()), l.batchRef()))
                    .toList());
            linesOf.put(sku, lines);
            return Optional.of(new Product(sku, stored.version, batches, lines));
        }

        /** A batch reference is unique across SKUs. */
        @Override
        void checkAlso(Product p) {
            for (Batch b : p.batches()) {
                String owner = skuOfBatch.get(b.reference());
                if (owner != null && !owner.equals(p.sku())) {
                    throw new Database.TransactionAborted("duplicate key in batches: " + b.reference());
                }
            }
        }

        @Override
        void store(Product p) {
            StoredProduct stored = products.computeIfAbsent(p.sku(), s -> new StoredProduct());
            stored.version = p.versionNumber();
            stored.batches.clear();
            for (Batch b : p.batches()) {
                stored.batches.put(
                        b.reference(),
                        new StoredBatch(b.reference(), b.purchasedQuantity(), b.allocatedQuantity(), b.eta()));
                skuOfBatch.put(b.reference(), p.sku());
            }
            stored.lines.clear();
            for (Allocation held : linesOf.get(p.sku()).all()) {
                stored.lines.add(new StoredLine(
                        held.line().orderId().value(),
                        held.line().sku().value(),
                        held.line().qty().value(),
                        held.batchReference()));
            }
        }
    }
}
