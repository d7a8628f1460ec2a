package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.jdbc.StaleAggregate;

/**
 * Saves a product with optimistic concurrency: the version row moves from the version that was
 * loaded to the new one, or, when another transaction got there first, nothing is saved.
 */
final class ProductWriter {

    private static final String UPSERT_BATCH = """
            insert into batches (reference, sku, purchased_quantity, eta) values (?, ?, ?, ?)
            on conflict (reference) do update set purchased_quantity = excluded.purchased_quantity
            """;
    private static final String INSERT_ALLOCATION = """
            insert into allocations (batch_id, order_id, sku, qty)
            select id, ?, ?, ? from batches where reference = ?
            """;

    void save(Connection connection, JdbcProducts.Tracked tracked) throws SQLException {
        Product product = tracked.product();
        if (product.versionNumber() == tracked.loadedVersion() && !tracked.isNew()) {
            return;
        }
        if (tracked.isNew()) {
            insertProduct(connection, product);
        } else {
            moveVersion(connection, product, tracked.loadedVersion());
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_BATCH)) {
            for (Batch batch : product.batches()) {
                upsert.setString(1, batch.reference());
                upsert.setString(2, product.sku());
                upsert.setInt(3, batch.purchasedQuantity());
                upsert.setDate(4, batch.eta() == null ? null : Date.valueOf(batch.eta()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from allocations where sku = ?")) {
            delete.setString(1, product.sku());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ALLOCATION)) {
            for (Batch batch : product.batches()) {
                for (OrderLine line : batch.allocations()) {
                    insert.setString(1, line.orderId());
                    insert.setString(2, line.sku());
                    insert.setInt(3, line.qty());
                    insert.setString(4, batch.reference());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
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
