package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.messaging.jdbc.SqlArrays;
import org.cosmicstock.messaging.jdbc.VersionedRows;

/**
 * Saves the changed products of a unit of work with optimistic concurrency (every version row moves
 * from the version that was loaded, or nothing is saved), writing only what changed: new products'
 * version rows, and new batches after the versions they change (the rows the lines may refer to), then
 * everything else in one statement: versions moved, batches' counts, lines given up, moved to another
 * batch, and allocated. Allocating, the common case, is that one statement.
 */
final class ProductWriter {

    private static final VersionedRows VERSIONS = new VersionedRows("Product", "products", "sku", "version_number");
    private static final String INSERT_BATCH =
            "insert into batches (reference, sku, purchased_quantity, allocated_quantity, eta) values (?, ?, ?, ?, ?)";

    // The select reads the sub-statements in order, so the version rows are locked first and two units
    // of work on one product queue on its version row. A line the other one stored meanwhile is not an
    // error here: its version did not move, which is the conflict reported (a unique violation would fail
    // the whole batch instead of retrying it at once). The sub-statements share one snapshot, so no line
    // is both deleted and inserted: a stored line given up and allocated again in the same unit of work
    // is moved (updated) instead.
    private static final String SAVE = """
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
                 gone as (
                   delete from allocations
                    where (order_id, sku) in (select * from unnest(?::text[], ?::text[]))
                   returning id),
                 relocated as (
                   update allocations a set batch_id = b.id, qty = x.qty
                     from unnest(?::text[], ?::text[], ?::text[], ?::int[]) as x(reference, order_id, sku, qty)
                     join batches b on b.reference = x.reference and b.reference = any(?)
                    where a.order_id = x.order_id and a.sku = x.sku
                   returning a.id),
                 added as (
                   insert into allocations (batch_id, order_id, sku, qty)
                   select b.id, x.order_id, x.sku, x.qty
                     from unnest(?::text[], ?::text[], ?::text[], ?::int[]) as x(reference, order_id, sku, qty)
                     join batches b on b.reference = x.reference and b.reference = any(?)
                   on conflict do nothing
                   returning id)
            select array(select sku from moved), (select count(*) from counted), (select count(*) from gone),
                   (select count(*) from relocated), (select count(*) from added)
            """;

    void save(Connection connection, JdbcProducts products) throws SQLException {
        VersionedRows.Changes<Product> changes =
                VersionedRows.changes(products.tracked(), Product::sku, Product::versionNumber);
        List<Product> changed = changes.changed();
        if (changed.isEmpty()) {
            return;
        }
        List<VersionedRows.Moved> moved = changes.moved();
        LineChanges lines = lineChanges(products, changed);
        BatchChanges batches = batchChanges(products, changed);
        VERSIONS.insert(connection, changes.created());
        if (!batches.added().isEmpty()) {
            // Version rows first, as in the statement below, then the batches the lines may refer to.
            VERSIONS.move(connection, moved);
            moved = List.of();
            insertBatches(connection, batches.added());
        }
        if (!moved.isEmpty() || !batches.updated().isEmpty() || !lines.isEmpty()) {
            saveInOneStatement(connection, moved, batches.updated(), lines);
        }
    }

    /** A batch of a changed product as it is to be stored. */
    private record BatchRow(String reference, String sku, int purchased, int allocated, Date eta) {}

    private record BatchChanges(List<BatchRow> added, List<BatchRow> updated) {}

    /** Stored lines deleted, stored lines moved to another batch, new lines inserted. */
    private record LineChanges(List<Allocation> gone, List<Allocation> relocated, List<Allocation> made) {
        boolean isEmpty() {
            return gone.isEmpty() && relocated.isEmpty() && made.isEmpty();
        }
    }

    private static LineChanges lineChanges(JdbcProducts products, List<Product> changed) {
        List<Allocation> gone = new ArrayList<>();
        List<Allocation> relocated = new ArrayList<>();
        List<Allocation> made = new ArrayList<>();
        for (Product product : changed) {
            StoredLines.ProductLines lines = products.linesOf(product.sku());
            Set<OrderId> removed = new HashSet<>();
            lines.removed().forEach(a -> removed.add(a.line().orderId()));
            Set<OrderId> added = new HashSet<>();
            for (Allocation a : lines.added()) {
                added.add(a.line().orderId());
                (removed.contains(a.line().orderId()) ? relocated : made).add(a);
            }
            lines.removed().stream()
                    .filter(a -> !added.contains(a.line().orderId()))
                    .forEach(gone::add);
        }
        return new LineChanges(gone, relocated, made);
    }

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

    private static void insertBatches(Connection connection, List<BatchRow> added) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
            for (BatchRow row : added) {
                insert.setString(1, row.reference());
                insert.setString(2, row.sku());
                insert.setInt(3, row.purchased());
                insert.setInt(4, row.allocated());
                insert.setDate(5, row.eta());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Version moves, batch counts and line changes in one round trip. A version that did not move
     * means another transaction saved the product first, and the unit of work rolls back.
     */
    private static void saveInOneStatement(
            Connection connection, List<VersionedRows.Moved> moved, List<BatchRow> updated, LineChanges lines)
            throws SQLException {
        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            java.sql.Array skus = SqlArrays.texts(connection, moved.stream().map(VersionedRows.Moved::key));
            java.sql.Array counted =
                    SqlArrays.texts(connection, updated.stream().map(BatchRow::reference));
            int i = 0;
            save.setArray(++i, skus);
            save.setArray(++i, SqlArrays.ints(connection, moved.stream().map(m -> (int) m.from())));
            save.setArray(++i, SqlArrays.ints(connection, moved.stream().map(m -> (int) m.to())));
            save.setArray(++i, skus);
            save.setArray(++i, counted);
            save.setArray(++i, SqlArrays.ints(connection, updated.stream().map(BatchRow::purchased)));
            save.setArray(++i, SqlArrays.ints(connection, updated.stream().map(BatchRow::allocated)));
            save.setArray(++i, counted);
            save.setArray(
                    ++i,
                    SqlArrays.texts(
                            connection,
                            lines.gone().stream().map(a -> a.line().orderId().value())));
            save.setArray(
                    ++i,
                    SqlArrays.texts(
                            connection,
                            lines.gone().stream().map(a -> a.line().sku().value())));
            i = setLines(connection, save, i, lines.relocated());
            setLines(connection, save, i, lines.made());
            try (ResultSet r = save.executeQuery()) {
                r.next();
                VERSIONS.checkMoved(moved, Set.of((String[]) r.getArray(1).getArray()));
                checkLinesStored(lines.relocated().size(), r.getInt(4));
                checkLinesStored(lines.made().size(), r.getInt(5));
            }
        }
    }

    /** The five parameters of lines written to batches: reference, order id, SKU, quantity, reference. */
    private static int setLines(Connection connection, PreparedStatement save, int i, List<Allocation> lines)
            throws SQLException {
        java.sql.Array batches = SqlArrays.texts(connection, lines.stream().map(Allocation::batchReference));
        save.setArray(++i, batches);
        save.setArray(
                ++i,
                SqlArrays.texts(
                        connection, lines.stream().map(a -> a.line().orderId().value())));
        save.setArray(
                ++i,
                SqlArrays.texts(
                        connection, lines.stream().map(a -> a.line().sku().value())));
        save.setArray(
                ++i,
                SqlArrays.ints(
                        connection, lines.stream().map(a -> a.line().qty().value())));
        save.setArray(++i, batches);
        return i;
    }

    private static void checkLinesStored(int allocated, int stored) {
        if (stored != allocated) {
            throw new IllegalStateException(
                    "Allocated " + allocated + " lines but stored " + stored + ": a batch is missing");
        }
    }
}
