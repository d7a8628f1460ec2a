package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.jdbc.TrackedAggregates;
import org.cosmicstock.messaging.jdbc.VersionedRows;

/**
 * Saves the changed products of a unit of work with optimistic concurrency (every version row moves
 * from the version that was loaded, or nothing is saved), writing only what changed and each kind
 * of row in one round trip: versions, new and changed batches, lines given up, lines allocated.
 */
final class ProductWriter {

    private static final VersionedRows VERSIONS = new VersionedRows("Product", "products", "sku", "version_number");
    private static final String INSERT_BATCH =
            "insert into batches (reference, sku, purchased_quantity, allocated_quantity, eta) values (?, ?, ?, ?, ?)";
    private static final String UPDATE_BATCH =
            "update batches set purchased_quantity = ?, allocated_quantity = ? where reference = ?";
    private static final String DELETE_LINES =
            "delete from allocations where (order_id, sku) in (select * from unnest(?::text[], ?::text[]))";
    private static final String INSERT_LINES = """
            insert into allocations (batch_id, order_id, sku, qty)
            select b.id, x.order_id, x.sku, x.qty
              from unnest(?::text[], ?::text[], ?::text[], ?::int[]) as x(reference, order_id, sku, qty)
              join batches b on b.reference = x.reference
            """;

    void save(Connection connection, JdbcProducts products) throws SQLException {
        List<VersionedRows.Created> created = new ArrayList<>();
        List<VersionedRows.Moved> moved = new ArrayList<>();
        List<Product> changed = new ArrayList<>();
        for (TrackedAggregates.Tracked<Product> tracked : products.tracked()) {
            Product product = tracked.aggregate();
            if (tracked.isNew()) {
                created.add(new VersionedRows.Created(product.sku(), product.versionNumber()));
            } else if (product.versionNumber() != tracked.loadedVersion()) {
                moved.add(new VersionedRows.Moved(product.sku(), tracked.loadedVersion(), product.versionNumber()));
            } else {
                continue;
            }
            changed.add(product);
        }
        if (changed.isEmpty()) {
            return;
        }
        VERSIONS.insert(connection, created);
        VERSIONS.move(connection, moved);
        writeBatches(connection, products, changed);
        deleteLines(connection, changed);
        insertLines(connection, changed);
    }

    private void writeBatches(Connection connection, JdbcProducts products, List<Product> changed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH);
                PreparedStatement update = connection.prepareStatement(UPDATE_BATCH)) {
            for (Product product : changed) {
                var stored = products.storedBatchesOf(product.sku());
                for (Batch batch : product.batches()) {
                    StoredBatch before = stored.get(batch.reference());
                    if (before == null) {
                        insert.setString(1, batch.reference());
                        insert.setString(2, product.sku());
                        insert.setInt(3, batch.purchasedQuantity());
                        insert.setInt(4, batch.allocatedQuantity());
                        insert.setDate(5, batch.eta() == null ? null : Date.valueOf(batch.eta()));
                        insert.addBatch();
                    } else if (before.purchasedQuantity() != batch.purchasedQuantity()
                            || before.allocatedQuantity() != batch.allocatedQuantity()) {
                        update.setInt(1, batch.purchasedQuantity());
                        update.setInt(2, batch.allocatedQuantity());
                        update.setString(3, batch.reference());
                        update.addBatch();
                    }
                }
            }
            // Batches first: the lines written next refer to them.
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private void deleteLines(Connection connection, List<Product> changed) throws SQLException {
        List<Allocation> gone = new ArrayList<>();
        changed.forEach(p -> gone.addAll(p.deallocatedSinceLoad()));
        if (gone.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_LINES)) {
            delete.setArray(1, texts(connection, gone.stream().map(a -> a.line().orderId())));
            delete.setArray(2, texts(connection, gone.stream().map(a -> a.line().sku())));
            delete.executeUpdate();
        }
    }

    private void insertLines(Connection connection, List<Product> changed) throws SQLException {
        List<Allocation> made = new ArrayList<>();
        changed.forEach(p -> made.addAll(p.allocatedSinceLoad()));
        if (made.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINES)) {
            insert.setArray(1, texts(connection, made.stream().map(Allocation::batchReference)));
            insert.setArray(2, texts(connection, made.stream().map(a -> a.line().orderId())));
            insert.setArray(3, texts(connection, made.stream().map(a -> a.line().sku())));
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "int4", made.stream().map(a -> a.line().qty()).toArray()));
            int inserted = insert.executeUpdate();
            if (inserted != made.size()) {
                throw new IllegalStateException(
                        "Allocated " + made.size() + " lines but stored " + inserted + ": a batch is missing");
            }
        }
    }

    private static java.sql.Array texts(Connection connection, java.util.stream.Stream<String> values)
            throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
