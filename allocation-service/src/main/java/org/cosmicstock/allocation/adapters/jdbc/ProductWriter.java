package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
              join batches b on b.reference = x.reference and b.reference = any(?)
            """;

    // The select reads the sub-statements in the order of the general path, so the version rows are
    // locked first and two units of work on one product queue on its version row. A line the other
    // one stored meanwhile is not an error here: its version did not move, which is the conflict
    // reported (a unique violation would fail the whole batch instead of retrying it at once).
    private static final String SAVE_ALLOCATIONS = """
            with moved as (
                   update products p set version_number = m.next
                     from unnest(?::text[], ?::int[], ?::int[]) as m(sku, loaded, next)
                    where p.sku = m.sku and p.version_number = m.loaded and p.sku = any(?)
                   returning p.sku),
                 counted as (
                   update batches b set purchased_quantity = c.purchased, allocated_quantity = c.allocated
                     from unnest(?::text[], ?::int[], ?::int[]) as c(reference, purchased, allocated)
                    where b.reference = c.reference and b.reference = any(?)
                   returning b.id),
                 added as (
                   insert into allocations (batch_id, order_id, sku, qty)
                   select b.id, x.order_id, x.sku, x.qty
                     from unnest(?::text[], ?::text[], ?::text[], ?::int[]) as x(reference, order_id, sku, qty)
                     join batches b on b.reference = x.reference and b.reference = any(?)
                   on conflict do nothing
                   returning id)
            select array(select sku from moved), (select count(*) from counted), (select count(*) from added)
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
        List<Allocation> gone = new ArrayList<>();
        List<Allocation> made = new ArrayList<>();
        changed.forEach(p -> {
            gone.addAll(p.deallocatedSinceLoad());
            made.addAll(p.allocatedSinceLoad());
        });
        BatchChanges batches = batchChanges(products, changed);
        if (created.isEmpty() && batches.added().isEmpty() && gone.isEmpty()) {
            // The allocate path: stored products whose batches' counts move and lines are added.
            saveInOneStatement(connection, moved, batches.updated(), made);
            return;
        }
        VERSIONS.insert(connection, created);
        VERSIONS.move(connection, moved);
        writeBatches(connection, batches);
        deleteLines(connection, gone);
        insertLines(connection, made);
    }

    /** A batch of a changed product as it is to be stored. */
    private record BatchRow(String reference, String sku, int purchased, int allocated, Date eta) {}

    private record BatchChanges(List<BatchRow> added, List<BatchRow> updated) {}

    private static BatchChanges batchChanges(JdbcProducts products, List<Product> changed) {
        List<BatchRow> added = new ArrayList<>();
        List<BatchRow> updated = new ArrayList<>();
        for (Product product : changed) {
            var stored = products.storedBatchesOf(product.sku());
            for (Batch batch : product.batches()) {
                StoredBatch before = stored.get(batch.reference());
                BatchRow row = new BatchRow(
                        batch.reference(),
                        product.sku(),
                        batch.purchasedQuantity(),
                        batch.allocatedQuantity(),
                        batch.eta() == null ? null : Date.valueOf(batch.eta()));
                if (before == null) {
                    added.add(row);
                } else if (before.purchasedQuantity() != batch.purchasedQuantity()
                        || before.allocatedQuantity() != batch.allocatedQuantity()) {
                    updated.add(row);
                }
            }
        }
        return new BatchChanges(added, updated);
    }

    /**
     * Version moves, batch counts and new lines in one round trip. The sub-statements run in the
     * order the select reads them, versions first as in the general path; a version that did not
     * move means another transaction saved the product first, and the unit of work rolls back.
     */
    private static void saveInOneStatement(
            Connection connection, List<VersionedRows.Moved> moved, List<BatchRow> updated, List<Allocation> made)
            throws SQLException {
        try (PreparedStatement save = connection.prepareStatement(SAVE_ALLOCATIONS)) {
            java.sql.Array skus = texts(connection, moved.stream().map(VersionedRows.Moved::key));
            java.sql.Array counted = texts(connection, updated.stream().map(BatchRow::reference));
            java.sql.Array linesIn = texts(connection, made.stream().map(Allocation::batchReference));
            save.setArray(1, skus);
            save.setArray(2, ints(connection, moved.stream().map(m -> (int) m.from())));
            save.setArray(3, ints(connection, moved.stream().map(m -> (int) m.to())));
            save.setArray(4, skus);
            save.setArray(5, counted);
            save.setArray(6, ints(connection, updated.stream().map(BatchRow::purchased)));
            save.setArray(7, ints(connection, updated.stream().map(BatchRow::allocated)));
            save.setArray(8, counted);
            save.setArray(9, linesIn);
            save.setArray(
                    10,
                    texts(connection, made.stream().map(a -> a.line().orderId().value())));
            save.setArray(
                    11, texts(connection, made.stream().map(a -> a.line().sku().value())));
            save.setArray(
                    12, ints(connection, made.stream().map(a -> a.line().qty().value())));
            save.setArray(13, linesIn);
            try (ResultSet r = save.executeQuery()) {
                r.next();
                VERSIONS.checkMoved(moved, Set.of((String[]) r.getArray(1).getArray()));
                checkLinesStored(made.size(), r.getInt(3));
            }
        }
    }

    private static void writeBatches(Connection connection, BatchChanges batches) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH);
                PreparedStatement update = connection.prepareStatement(UPDATE_BATCH)) {
            for (BatchRow row : batches.added()) {
                insert.setString(1, row.reference());
                insert.setString(2, row.sku());
                insert.setInt(3, row.purchased());
                insert.setInt(4, row.allocated());
                insert.setDate(5, row.eta());
                insert.addBatch();
            }
            for (BatchRow row : batches.updated()) {
                update.setInt(1, row.purchased());
                update.setInt(2, row.allocated());
                update.setString(3, row.reference());
                update.addBatch();
            }
            // Batches first: the lines written next refer to them.
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private static void deleteLines(Connection connection, List<Allocation> gone) throws SQLException {
        if (gone.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_LINES)) {
            delete.setArray(
                    1,
                    texts(connection, gone.stream().map(a -> a.line().orderId().value())));
            delete.setArray(
                    2, texts(connection, gone.stream().map(a -> a.line().sku().value())));
            delete.executeUpdate();
        }
    }

    private static void insertLines(Connection connection, List<Allocation> made) throws SQLException {
        if (made.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINES)) {
            java.sql.Array batches = texts(connection, made.stream().map(Allocation::batchReference));
            insert.setArray(1, batches);
            insert.setArray(
                    2,
                    texts(connection, made.stream().map(a -> a.line().orderId().value())));
            insert.setArray(
                    3, texts(connection, made.stream().map(a -> a.line().sku().value())));
            insert.setArray(
                    4, ints(connection, made.stream().map(a -> a.line().qty().value())));
            insert.setArray(5, batches);
            checkLinesStored(made.size(), insert.executeUpdate());
        }
    }

    private static void checkLinesStored(int allocated, int stored) {
        if (stored != allocated) {
            throw new IllegalStateException(
                    "Allocated " + allocated + " lines but stored " + stored + ": a batch is missing");
        }
    }

    private static java.sql.Array ints(Connection connection, java.util.stream.Stream<Integer> values)
            throws SQLException {
        return connection.createArrayOf("int4", values.toArray());
    }

    private static java.sql.Array texts(Connection connection, java.util.stream.Stream<String> values)
            throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
