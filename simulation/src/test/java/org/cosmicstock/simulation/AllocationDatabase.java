package org.cosmicstock.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.domain.AllocatedLines;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.messaging.bus.StaleAggregate;

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

    private Product load(String sku, StoredProduct stored) {
        List<Batch> batches = new ArrayList<>();
        stored.batches
                .values()
                .forEach(b -> batches.add(new Batch(b.ref(), sku, b.purchased(), b.allocated(), b.eta())));
        List<StoredLine> snapshot = List.copyOf(stored.lines);
        AllocatedLines lines = new AllocatedLines() {
            @Override
            public Optional<String> batchOf(String orderId) {
                return snapshot.stream()
                        .filter(l -> l.orderId().equals(orderId))
                        .map(StoredLine::batchRef)
                        .findFirst();
            }

            @Override
            public Iterator<OrderLine> newestFirst(String batchReference) {
                List<OrderLine> newest = new ArrayList<>();
                for (StoredLine l : snapshot) {
                    if (l.batchRef().equals(batchReference)) {
                        newest.add(0, new OrderLine(l.orderId(), l.sku(), l.qty()));
                    }
                }
                return newest.iterator();
            }
        };
        return new Product(sku, stored.version, batches, lines);
    }

    private final class Tx extends Database.Transaction implements AllocationUnitOfWork, Products {

        private record Tracked(Product product, int loadedVersion, boolean isNew) {}

        private final Map<String, Tracked> tracked = new LinkedHashMap<>();

        Tx() {
            super(db, event -> events.toOutgoing((Event) event));
        }

        @Override
        public Products products() {
            return this;
        }

        @Override
        public void add(Product product) {
            if (tracked.putIfAbsent(product.sku(), new Tracked(product, 0, true)) != null) {
                throw new IllegalStateException("Aggregate " + product.sku() + " is already in this unit of work");
            }
        }

        @Override
        public Optional<Product> get(String sku) {
            Tracked known = tracked.get(sku);
            if (known != null) {
                return Optional.of(known.product());
            }
            StoredProduct stored = products.get(sku);
            if (stored == null) {
                return Optional.empty();
            }
            Product product = load(sku, stored);
            tracked.put(sku, new Tracked(product, stored.version, false));
            return Optional.of(product);
        }

        @Override
        public Optional<Product> getByBatchRef(String reference) {
            for (Tracked t : tracked.values()) {
                if (t.product().batch(reference).isPresent()) {
                    return Optional.of(t.product());
                }
            }
            String sku = skuOfBatch.get(reference);
            return sku == null ? Optional.empty() : get(sku);
        }

        @Override
        protected List<Object> drainEvents() {
            List<Object> drained = new ArrayList<>();
            tracked.values().forEach(t -> drained.addAll(t.product().drainEvents()));
            return drained;
        }

        @Override
        protected void check() {
            for (Tracked t : tracked.values()) {
                Product p = t.product();
                StoredProduct stored = products.get(p.sku());
                if (t.isNew()) {
                    if (stored != null) {
                        throw new StaleAggregate("Product " + p.sku(), 0);
                    }
                } else if (p.versionNumber() != t.loadedVersion() && stored.version != t.loadedVersion()) {
                    throw new StaleAggregate("Product " + p.sku(), t.loadedVersion());
                }
                for (Batch b : p.batches()) {
                    String owner = skuOfBatch.get(b.reference());
                    if (owner != null && !owner.equals(p.sku())) {
                        throw new Database.TransactionAborted("duplicate key in batches: " + b.reference());
                    }
                }
            }
        }

        @Override
        protected List<String> touched() {
            List<String> touched = new ArrayList<>();
            for (Tracked t : tracked.values()) {
                if (t.isNew() || t.product().versionNumber() != t.loadedVersion()) {
                    touched.add(t.product().sku());
                }
            }
            return touched;
        }

        @Override
        protected void write() {
            for (Tracked t : tracked.values()) {
                Product p = t.product();
                if (!t.isNew() && p.versionNumber() == t.loadedVersion()) {
                    continue;
                }
                StoredProduct stored = products.computeIfAbsent(p.sku(), s -> new StoredProduct());
                stored.version = p.versionNumber();
                stored.batches.clear();
                for (Batch b : p.batches()) {
                    stored.batches.put(
                            b.reference(),
                            new StoredBatch(b.reference(), b.purchasedQuantity(), b.allocatedQuantity(), b.eta()));
                    skuOfBatch.put(b.reference(), p.sku());
                }
                for (Allocation gone : p.deallocatedSinceLoad()) {
                    stored.lines.removeIf(
                            l -> l.orderId().equals(gone.line().orderId().value()));
                }
                for (Allocation made : p.allocatedSinceLoad()) {
                    stored.lines.removeIf(
                            l -> l.orderId().equals(made.line().orderId().value()));
                    stored.lines.add(new StoredLine(
                            made.line().orderId().value(),
                            made.line().sku().value(),
                            made.line().qty().value(),
                            made.batchReference()));
                }
            }
        }
    }
}
