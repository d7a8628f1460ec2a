package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.jdbc.StaleAggregate;

/**
 * Saves a product with optimistic concurrency: the version row moves from the version that was
 * loaded to the new one, or, when another transaction got there first, nothing is saved. Only
 * what changed since loading is written, so a command costs the same however many lines a batch
 * already holds.
 */
final class ProductWriter {

    private static final String INSERT_BATCH =
            "insert into batches (reference, sku, purchased_quantity, eta) values (?, ?, ?, ?)";
    private static final String UPDATE_BATCH = "update batches set purchased_quantity = ? where reference = ?";
    private static final String DELETE_ALLOCATION =
            "delete from allocations where order_id = ? and sku = ? and batch_id = (select id from batches where reference = ?)";
    private static final String INSERT_ALLOCATION = """
            insert into allocations (batch_id, order_id, sku, qty)
            select id, ?, ?, ? from batches where reference = ?
            """;

    void save(Connection connection, JdbcProducts.Tracked tracked) throws SQLException {
        Product product = tracked.product();
        if (!tracked.isNew() && product.versionNumber() == tracked.loadedVersion()) {
            return;
        }
        if (tracked.isNew()) {
            insertProduct(connection, product);
        } else {
            moveVersion(connection, product, tracked.loadedVersion());
        }
        try (PreparedStatement insertBatch = connection.prepareStatement(INSERT_BATCH);
                PreparedStatement updateBatch = connection.prepareStatement(UPDATE_BATCH);
                PreparedStatement deleteLine = connection.prepareStatement(DELETE_ALLOCATION);
                PreparedStatement insertLine = connection.prepareStatement(INSERT_ALLOCATION)) {
            for (Batch batch : product.batches()) {
                StoredBatch stored = tracked.stored().get(batch.reference());
                if (stored == null) {
                    insertBatch.setString(1, batch.reference());
                    insertBatch.setString(2, product.sku());
                    insertBatch.setInt(3, batch.purchasedQuantity());
                    insertBatch.setDate(4, batch.eta() == null ? null : Date.valueOf(batch.eta()));
                    insertBatch.addBatch();
                } else if (stored.purchasedQuantity() != batch.purchasedQuantity()) {
                    updateBatch.setInt(1, batch.purchasedQuantity());
                    updateBatch.setString(2, batch.reference());
                    updateBatch.addBatch();
                }
                Set<String> before = stored == null ? Set.of() : stored.orderIds();
                Set<String> now = batch.allocations().stream()
                        .map(OrderLine::orderId)
                        .collect(java.util.stream.Collectors.toSet());
                for (String gone : before) {
                    if (!now.contains(gone)) {
                        deleteLine.setString(1, gone);
                        deleteLine.setString(2, product.sku());
                        deleteLine.setString(3, batch.reference());
                        deleteLine.addBatch();
                    }
                }
                for (OrderLine line : batch.allocations()) {
                    if (!before.contains(line.orderId())) {
                        insertLine.setString(1, line.orderId());
                        insertLine.setString(2, line.sku());
                        insertLine.setInt(3, line.qty());
                        insertLine.setString(4, batch.reference());
                        insertLine.addBatch();
                    }
                }
            }
            // Batches first (lines refer to them), deletions before insertions (a line may move).
            insertBatch.executeBatch();
            updateBatch.executeBatch();
            deleteLine.executeBatch();
            insertLine.executeBatch();
        }
    }

    private void insertProduct(Connection connection, Product product) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into products (sku, version_number) values (?, ?) on conflict (sku) do nothing")) {
            insert.setString(1, product.sku());
            insert.setInt(2, product.versionNumber());
            if (insert.executeUpdate() == 0) {
                throw new StaleAggregate("Product " + product.sku(), 0);
            }
        }
    }

    private void moveVersion(Connection connection, Product product, int loadedVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update products set version_number = ? where sku = ? and version_number = ?")) {
            update.setInt(1, product.versionNumber());
            update.setString(2, product.sku());
            update.setInt(3, loadedVersion);
            if (update.executeUpdate() == 0) {
                throw new StaleAggregate("Product " + product.sku(), loadedVersion);
            }
        }
    }
}
