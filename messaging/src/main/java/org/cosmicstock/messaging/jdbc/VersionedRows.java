package org.cosmicstock.messaging.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.cosmicstock.messaging.bus.StaleAggregate;

/**
 * Optimistic concurrency on an aggregate's version row, for many aggregates in one round trip each
 * way: new aggregates are inserted unless another transaction inserted them first, and changed ones
 * move from the version they were loaded at to their new one, or nothing is saved ({@link
 * StaleAggregate}: the unit of work rolls back and the messages are tried again).
 */
public final class VersionedRows {

    private final String kind;
    private final String insert;
    private final String update;

    /**
     * @param kind what the rows are, for error messages ("Product")
     * @param table the version table; its key column is text, its version column an integer
     */
    public VersionedRows(String kind, String table, String keyColumn, String versionColumn) {
        this.kind = kind;
        this.insert = "insert into " + table + " (" + keyColumn + ", " + versionColumn + ")"
                + " select * from unnest(?::text[], ?::int[]) on conflict do nothing returning " + keyColumn;
        this.update = "update " + table + " set " + versionColumn + " = ? where " + keyColumn + " = ? and "
                + versionColumn + " = ?";
    }

    /** A new aggregate's key and version. */
    public record Created(String key, long version) {}

    /** A changed aggregate's key, the version it was loaded at and its new one. */
    public record Moved(String key, long from, long to) {}

    /** What saving a unit of work writes: version rows to insert and to move, and the aggregates behind them. */
    public record Changes<A>(List<Created> created, List<Moved> moved, List<A> changed) {}

    /**
     * Of the aggregates a unit of work handed out: the new ones (to insert) and those whose version
     * moved since loading (to move), both in {@code changed} in the order they were handed out; the
     * others did not change and are left out.
     */
    public static <A> Changes<A> changes(
            Collection<TrackedAggregates.Tracked<A>> tracked, Function<A, String> key, ToLongFunction<A> version) {
        List<Created> created = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        List<A> changed = new ArrayList<>();
        for (TrackedAggregates.Tracked<A> t : tracked) {
            A aggregate = t.aggregate();
            if (t.isNew()) {
                created.add(new Created(key.apply(aggregate), version.applyAsLong(aggregate)));
            } else if (version.applyAsLong(aggregate) != t.loadedVersion()) {
                moved.add(new Moved(key.apply(aggregate), t.loadedVersion(), version.applyAsLong(aggregate)));
            } else {
                continue;
            }
            changed.add(aggregate);
        }
        return new Changes<>(created, moved, changed);
    }

    public void insert(Connection connection, List<Created> created) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setArray(1, SqlArrays.texts(connection, created.stream().map(Created::key)));
            statement.setArray(2, SqlArrays.ints(connection, created.stream().map(c -> (int) c.version())));
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    inserted.add(r.getString(1));
                }
            }
        }
        for (Created c : created) {
            if (!inserted.contains(c.key())) {
                throw new StaleAggregate(kind + " " + c.key(), 0);
            }
        }
    }

    /**
     * For a statement of the caller's own that moved the versions (with the same {@code where key =
     * ? and version = from} check) and returned the keys it moved: throws {@link StaleAggregate} for
     * the first aggregate whose version did not move.
     */
    public void checkMoved(List<Moved> moved, Collection<String> movedKeys) {
        for (Moved m : moved) {
            if (!movedKeys.contains(m.key())) {
                throw new StaleAggregate(kind + " " + m.key(), m.from());
            }
        }
    }

    public void move(Connection connection, List<Moved> moved) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            for (Moved m : moved) {
                statement.setInt(1, (int) m.to());
                statement.setString(2, m.key());
                statement.setInt(3, (int) m.from());
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new StaleAggregate(
                            kind + " " + moved.get(i).key(), moved.get(i).from());
                }
            }
        }
    }
}
