package org.cosmicstock.allocation.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.cosmicstock.allocation.domain.AllocatedLines;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.LinesInMemory;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.jdbc.SqlArrays;

/**
 * The allocated lines as stored, read on demand on the unit of work's connection: "which batch holds
 * this line" is an index lookup on (order id, SKU), answered for a whole batch of commands by one
 * preload; a shrinking batch pages through its lines newest first.
 */
final class StoredLines {

    private static final int PAGE = 100;
    private static final String FIND = """
            select a.order_id, a.sku, b.reference
              from allocations a join batches b on b.id = a.batch_id
             where (a.order_id, a.sku) in (select * from unnest(?::text[], ?::text[]))
            """;
    private static final String NEWEST = """
            select a.order_id, a.qty from allocations a
             where a.batch_id = (select id from batches where reference = ?)
             order by a.id desc limit ? offset ?
            """;

    private final Connection connection;
    private final Map<LineKey, Optional<String>> batchOfLine = new HashMap<>();

    StoredLines(Connection connection) {
        this.connection = connection;
    }

    record LineKey(String orderId, String sku) {}

    /** Looks up, in one query, every line not looked up yet. */
    void preload(Collection<LineKey> keys) throws SQLException {
        List<LineKey> unknown = keys.stream()
                .filter(k -> !batchOfLine.containsKey(k))
                .distinct()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(k -> batchOfLine.put(k, Optional.empty()));
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setArray(1, SqlArrays.texts(connection, unknown.stream().map(LineKey::orderId)));
            select.setArray(2, SqlArrays.texts(connection, unknown.stream().map(LineKey::sku)));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    batchOfLine.put(new LineKey(r.getString(1), r.getString(2)), Optional.of(r.getString(3)));
                }
            }
        }
    }

    /**
     * The lines of one product: the stored ones, read on demand, and what this unit of work changed,
     * kept here for the writer (lines allocated since loading, stored lines given up since loading).
     * A product new in this unit of work has nothing stored to read.
     */
    ProductLines of(String sku, boolean stored) {
        return new ProductLines(sku, stored);
    }

    final class ProductLines implements AllocatedLines {
        private final String sku;
        private final boolean stored;
        private final LinesInMemory added = new LinesInMemory();
        private final Map<OrderId, Allocation> removed = new LinkedHashMap<>();

        private ProductLines(String sku, boolean stored) {
            this.sku = sku;
            this.stored = stored;
        }

        /** Lines allocated since loading and still allocated, oldest first. */
        List<Allocation> added() {
            return added.all();
        }

        /** Stored lines given up since loading (some of them allocated again, in {@link #added}). */
        Collection<Allocation> removed() {
            return removed.values();
        }

        @Override
        public Optional<String> batchOf(OrderId orderId) {
            Optional<String> made = added.batchOf(orderId);
            if (made.isPresent()) {
                return made;
            }
            if (!stored || removed.containsKey(orderId)) {
                return Optional.empty();
            }
            LineKey key = new LineKey(orderId.value(), sku);
            try {
                preload(List.of(key));
            } catch (SQLException e) {
                throw new PersistenceFailure("Could not look up the line of order " + orderId, e);
            }
            return batchOfLine.get(key);
        }

        /** Lines allocated since loading (newest first), then the stored ones still held, a page at a time. */
        @Override
        public Iterator<OrderLine> newestFirst(String batchReference) {
            Stream<OrderLine> older = stored
                    ? stream(new Pages(sku, batchReference)).filter(line -> !removed.containsKey(line.orderId()))
                    : Stream.empty();
            return Stream.concat(stream(added.newestFirst(batchReference)), older)
                    .iterator();
        }

        @Override
        public void add(Allocation allocation) {
            added.add(allocation);
        }

        @Override
        public void remove(Allocation allocation) {
            if (added.batchOf(allocation.line().orderId()).isPresent()) {
                added.remove(allocation);
            } else {
                removed.put(allocation.line().orderId(), allocation);
            }
        }
    }

    private static Stream<OrderLine> stream(Iterator<OrderLine> lines) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false);
    }

    private final class Pages implements Iterator<OrderLine> {
        private final String sku;
        private final String batchReference;
        private List<OrderLine> page = List.of();
        private int index;
        private int offset;
        private boolean exhausted;

        Pages(String sku, String batchReference) {
            this.sku = sku;
            this.batchReference = batchReference;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            page = read();
            index = 0;
            offset += page.size();
            exhausted = page.size() < PAGE;
            return !page.isEmpty();
        }

        @Override
        public OrderLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(index++);
        }

        private List<OrderLine> read() {
            List<OrderLine> lines = new ArrayList<>(PAGE);
            try (PreparedStatement select = connection.prepareStatement(NEWEST)) {
                select.setString(1, batchReference);
                select.setInt(2, PAGE);
                select.setInt(3, offset);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        lines.add(new OrderLine(r.getString(1), sku, r.getInt(2)));
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceFailure("Could not read the lines of batch " + batchReference, e);
            }
            return lines;
        }
    }
}
