package org.cosmicstock.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private Tracked load(String sku, StoredProduct stored) {
        List<Batch> batches = new ArrayList<>();
        stored.batches
                .values()
                .forEach(b -> batches.add(new Batch(b.ref(), sku, b.purchased(), b.allocated(), b.eta())));
        LinesInMemory lines = new LinesInMemory(stored.lines.stream()
                .map(l -> new Allocation(new OrderLine(l.orderId(), l.sku(), l.qty()), l.batchRef()))
                .toList());
        return new Tracked(new Product(sku, stored.version, batches, lines), lines, stored.version, false);
    }

    /** A product this unit of work works on, with its lines (all in memory, as the stored ones are) and how it was loaded. */
    private record Tracked(Product product, LinesInMemory lines, int loadedVersion, boolean isNew) {}

    private final class Tx extends Database.Transaction implements AllocationUnitOfWork, Products {

        private final Map<String, Tracked> tracked = new LinkedHashMap<>();

        Tx() {
            super(db, event -> events.toOutgoing((Event) event));
        }

        @Override
        public Products products() {
            return this;
        }

        @Override
        public Product add(String sku) {
            LinesInMemory lines = new LinesInMemory();
            Tracked added = new Tracked(new Product(sku, 0, List.of(), lines), lines, 0, true);
            if (tracked.putIfAbsent(sku, added) != null) {
                throw new IllegalStateException("Aggregate " + sku + " is already in this unit of work");
            }
            return added.product();
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
            Tracked loaded = load(sku, stored);
            tracked.put(sku, loaded);
            return Optional.of(loaded.product());
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
                stored.lines.clear();
                for (Allocation held : t.lines().all()) {
                    stored.lines.add(new StoredLine(
                            held.line().orderId().value(),
                            held.line().sku().value(),
                            held.line().qty().value(),
                            held.batchReference()));
                }
            }
        }
    }
}
