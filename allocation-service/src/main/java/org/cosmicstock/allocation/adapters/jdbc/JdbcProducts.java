package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;

/**
 * Products in PostgreSQL, on the unit of work's connection. Tracks every product it hands out, so
 * the unit of work can save them and collect their events at commit.
 */
final class JdbcProducts implements Products {

    private final Connection connection;
    private final Map<String, Tracked> seen = new LinkedHashMap<>();

    JdbcProducts(Connection connection) {
        this.connection = connection;
    }

    /** A product handed out by this repository, with what the database held when it was loaded. */
    record Tracked(Product product, int loadedVersion, boolean isNew, Map<String, StoredBatch> stored) {}

    @Override
    public void add(Product product) {
        seen.put(product.sku(), new Tracked(product, product.versionNumber(), true, Map.of()));
    }

    @Override
    public Optional<Product> get(String sku) {
        Tracked tracked = seen.get(sku);
        if (tracked != null) {
            return Optional.of(tracked.product());
        }
        try {
            Optional<Product> loaded = load(sku);
            loaded.ifPresent(p -> seen.put(sku, new Tracked(p, p.versionNumber(), false, StoredBatch.snapshotOf(p))));
            return loaded;
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not load product " + sku, e);
        }
    }

    @Override
    public Optional<Product> getByBatchRef(String reference) {
        try (PreparedStatement select = connection.prepareStatement("select sku from batches where reference = ?")) {
            select.setString(1, reference);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? get(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not find the product of batch " + reference, e);
        }
    }

    Iterable<Tracked> seen() {
        return seen.values();
    }

    private Optional<Product> load(String sku) throws SQLException {
        Integer version = null;
        try (PreparedStatement select =
                connection.prepareStatement("select version_number from products where sku = ?")) {
            select.setString(1, sku);
            try (ResultSet r = select.executeQuery()) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
        }
        if (version == null) {
            return Optional.empty();
        }
        return Optional.of(new Product(sku, version, loadBatches(sku)));
    }

    private List<Batch> loadBatches(String sku) throws SQLException {
        String query = """
                select b.reference, b.purchased_quantity, b.eta, a.order_id, a.qty
                  from batches b left join allocations a on a.batch_id = b.id
                 where b.sku = ? order by b.id, a.id
                """;
        Map<String, BatchRow> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, sku);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    BatchRow row = rows.computeIfAbsent(r.getString(1), ref -> new BatchRow(ref, new ArrayList<>()));
                    row.purchased = r.getInt(2);
                    row.eta = r.getObject(3, java.time.LocalDate.class);
                    String orderId = r.getString(4);
                    if (orderId != null) {
                        row.lines.add(new OrderLine(orderId, sku, r.getInt(5)));
                    }
                }
            }
        }
        return rows.values().stream()
                .map(row -> new Batch(row.reference, sku, row.purchased, row.eta, row.lines))
                .toList();
    }

    private static final class BatchRow {
        final String reference;
        final List<OrderLine> lines;
        int purchased;
        java.time.LocalDate eta;

        BatchRow(String reference, List<OrderLine> lines) {
            this.reference = reference;
            this.lines = lines;
        }
    }
}
