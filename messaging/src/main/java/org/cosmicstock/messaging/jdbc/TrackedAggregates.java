package org.cosmicstock.messaging.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The aggregates a repository handed out in one unit of work, each with the version it had when
 * loaded, so that saving writes only the changed ones and checks each one's version (see {@link
 * VersionedRows}). Also remembers keys looked up and not found, so a bulk preload answers both.
 */
public final class TrackedAggregates<K, A> {

    /** An aggregate handed out, with the version it was loaded at; new ones were never stored. */
    public record Tracked<A>(A aggregate, long loadedVersion, boolean isNew) {}

    private final Map<K, Tracked<A>> tracked = new LinkedHashMap<>();
    private final Set<K> absent = new HashSet<>();

    /** An aggregate created in this unit of work. */
    public void added(K key, A aggregate) {
        absent.remove(key);
        if (tracked.putIfAbsent(key, new Tracked<>(aggregate, 0, true)) != null) {
            throw new IllegalStateException("Aggregate " + key + " is already in this unit of work");
        }
    }

    /** An aggregate read from the database at {@code version}. */
    public void loaded(K key, A aggregate, long version) {
        tracked.putIfAbsent(key, new Tracked<>(aggregate, version, false));
    }

    /** What a bulk preload of {@code keys} read ({@code found}, by key): each key loaded at its version, or not found. */
    public void preloaded(Collection<K> keys, Map<K, Loaded<A>> found) {
        for (K key : keys) {
            Loaded<A> loaded = found.get(key);
            if (loaded == null) {
                notFound(key);
            } else {
                loaded(key, loaded.aggregate(), loaded.version());
            }
        }
    }

    /** A key looked up and not found. */
    public void notFound(K key) {
        if (!tracked.containsKey(key)) {
            absent.add(key);
        }
    }

    /** The aggregate if handed out or preloaded; otherwise loads it with {@code load} and tracks the answer. */
    public Optional<A> find(K key, Function<K, Optional<Loaded<A>>> load) {
        Tracked<A> known = tracked.get(key);
        if (known != null) {
            return Optional.of(known.aggregate());
        }
        if (absent.contains(key)) {
            return Optional.empty();
        }
        Optional<Loaded<A>> loaded = load.apply(key);
        loaded.ifPresentOrElse(l -> loaded(key, l.aggregate(), l.version()), () -> notFound(key));
        return loaded.map(Loaded::aggregate);
    }

    /** Whether the key was looked up (or preloaded) and not found, and no aggregate was added under it since. */
    public boolean isAbsent(K key) {
        return absent.contains(key);
    }

    /** An aggregate as read, with its stored version. */
    public record Loaded<A>(A aggregate, long version) {}

    /** Of these keys, those neither handed out nor known to be absent: what a bulk preload still has to read. */
    public List<K> unknown(Collection<K> keys) {
        Set<K> unknown = new LinkedHashSet<>();
        for (K key : keys) {
            if (!tracked.containsKey(key) && !absent.contains(key)) {
                unknown.add(key);
            }
        }
        return new ArrayList<>(unknown);
    }

    public Collection<Tracked<A>> all() {
        return tracked.values();
    }
}
