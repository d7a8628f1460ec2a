package org.cosmicstock.simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.cosmicstock.messaging.bus.StaleAggregate;
import org.cosmicstock.messaging.outbox.OutgoingMessage;

/**
 * A {@link Database.Transaction} over one kind of aggregate with a version, under the JDBC adapters'
 * rules ({@code TrackedAggregates}, {@code VersionedRows}): each aggregate handed out is tracked with
 * the version it was loaded at; at commit a new one fails if another transaction stored one under its
 * key meanwhile, a changed one if its stored version moved since it was loaded. Only new and changed
 * aggregates are written.
 */
abstract class AggregateTransaction<A> extends Database.Transaction {

    private record Tracked<A>(A aggregate, int loadedVersion, boolean isNew) {}

    private final String kind;
    private final Function<A, String> keyOf;
    private final ToIntFunction<A> versionOf;
    private final Function<A, List<?>> drainEventsOf;
    private final Map<String, Tracked<A>> tracked = new LinkedHashMap<>();

    /**
     * @param kind what the aggregates are, as a conflict names them ("Order")
     * @param keyOf an aggregate's key: its id, or its SKU
     * @param drainEventsOf takes the events an aggregate raised since the last call
     */
    AggregateTransaction(
            Database db,
            Function<Object, OutgoingMessage> toOutgoing,
            String kind,
            Function<A, String> keyOf,
            ToIntFunction<A> versionOf,
            Function<A, List<?>> drainEventsOf) {
        super(db, toOutgoing);
        this.kind = kind;
        this.keyOf = keyOf;
        this.versionOf = versionOf;
        this.drainEventsOf = drainEventsOf;
    }

    /** The version stored under {@code key}, as committed now; empty when nothing is stored there. */
    abstract OptionalInt storedVersion(String key);

    /** The aggregate stored under {@code key}, as committed now. */
    abstract Optional<A> load(String key);

    /** Stores a new or changed aggregate; called at commit, once every check passed. */
    abstract void store(A aggregate);

    /** A further check at commit, after the aggregate's version was checked. */
    void checkAlso(A aggregate) {}

    /** What the trace names for a new or changed aggregate. */
    List<String> tagsOf(A aggregate) {
        return List.of(keyOf.apply(aggregate));
    }

    /** An aggregate created in this unit of work. */
    final void track(A aggregate) {
        String key = keyOf.apply(aggregate);
        if (tracked.putIfAbsent(key, new Tracked<>(aggregate, 0, true)) != null) {
            throw new IllegalStateException("Aggregate " + key + " is already in this unit of work");
        }
    }

    /** The aggregate if handed out already, else loaded (and from then on tracked). */
    final Optional<A> find(String key) {
        Tracked<A> known = tracked.get(key);
        if (known != null) {
            return Optional.of(known.aggregate());
        }
        Optional<A> loaded = load(key);
        loaded.ifPresent(
                aggregate -> tracked.put(key, new Tracked<>(aggregate, versionOf.applyAsInt(aggregate), false)));
        return loaded;
    }

    final boolean isHandedOut(String key) {
        return tracked.containsKey(key);
    }

    final List<A> handedOut() {
        return tracked.values().stream().map(Tracked::aggregate).toList();
    }

    @Override
    protected final List<Object> drainEvents() {
        List<Object> drained = new ArrayList<>();
        tracked.values().forEach(t -> drained.addAll(drainEventsOf.apply(t.aggregate())));
        return drained;
    }

    @Override
    protected final void check() {
        for (Tracked<A> t : tracked.values()) {
            String key = keyOf.apply(t.aggregate());
            OptionalInt stored = storedVersion(key);
            if (t.isNew()) {
                if (stored.isPresent()) {
                    throw new StaleAggregate(kind + " " + key, 0);
                }
            } else if (versionOf.applyAsInt(t.aggregate()) != t.loadedVersion()
                    && stored.getAsInt() != t.loadedVersion()) {
                throw new StaleAggregate(kind + " " + key, t.loadedVersion());
            }
            checkAlso(t.aggregate());
        }
    }

    @Override
    protected final List<String> touched() {
        List<String> touched = new ArrayList<>();
        changed().forEach(aggregate -> touched.addAll(tagsOf(aggregate)));
        return touched;
    }

    @Override
    protected final void write() {
        changed().forEach(this::store);
    }

    private Collection<A> changed() {
        return tracked.values().stream()
                .filter(t -> t.isNew() || versionOf.applyAsInt(t.aggregate()) != t.loadedVersion())
                .map(Tracked::aggregate)
                .toList();
    }
}
