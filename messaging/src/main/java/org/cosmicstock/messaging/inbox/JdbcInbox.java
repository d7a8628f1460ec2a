package org.cosmicstock.messaging.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.cosmicstock.messaging.bus.Receipt;

/**
 * Records applied messages in the caller's transaction, all of a batch in one statement; a receipt
 * recorded before is refused. Keyed by (source, message id, handler): CloudEvents makes only source
 * and id unique together.
 */
public final class JdbcInbox {

    private static final String INSERT = """
            insert into messaging.inbox (source, message_id, handler)
            select * from unnest(?::text[], ?::text[], ?::text[])
            on conflict do nothing
            returning source, message_id, handler
            """;

    /** The receipts recorded now (first deliveries); the others were recorded before. */
    public Set<Receipt> record(Connection connection, Collection<Receipt> receipts) throws SQLException {
        Set<Receipt> recorded = new HashSet<>();
        if (receipts.isEmpty()) {
            return recorded;
        }
        String[] sources = new String[receipts.size()];
        String[] ids = new String[receipts.size()];
        String[] handlers = new String[receipts.size()];
        int i = 0;
        for (Receipt receipt : receipts) {
            sources[i] = receipt.source();
            ids[i] = receipt.messageId();
            handlers[i++] = receipt.handler();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", sources));
            insert.setArray(2, connection.createArrayOf("text", ids));
            insert.setArray(3, connection.createArrayOf("text", handlers));
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    recorded.add(new Receipt(r.getString(1), r.getString(2), r.getString(3)));
                }
            }
        }
        return recorded;
    }

    /** Deletes up to {@code limit} receipts older than {@code cutoff}; returns how many. */
    public int prune(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from messaging.inbox where ctid = any(array(
                    select ctid from messaging.inbox where received_at < ? limit ?))
                """)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }
}
