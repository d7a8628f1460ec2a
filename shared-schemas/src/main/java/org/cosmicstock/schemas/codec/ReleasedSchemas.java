package org.cosmicstock.schemas.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every version of every message type, so that a reader can resolve any writer schema by its fingerprint: the
 * released versions, and each type's current schema where it is not released yet (its <em>unreleased</em> next
 * version, compiled in like the others and released by {@code ReleaseSchemas} when a release is cut). Immutable
 * and thread-safe.
 */
public final class ReleasedSchemas {

    /**
     * Classpath directory of the released versions, {@code <FullName>/v<N>.avsc}: every such file there is a
     * released version (the directory is listed, there is no index to keep).
     */
    public static final String DIRECTORY = "org/cosmicstock/schemas/released/";

    /**
     * Classpath directory of the current schemas, {@code <Name>.avsc}: shared-schemas' {@code src/main/avro}, copied
     * there by the build. A current schema that is not {@linkplain #sameVersion the same} as its type's latest
     * released version is the type's next version, unreleased.
     */
    public static final String CURRENT_DIRECTORY = "org/cosmicstock/schemas/current/";

    /**
     * The declaration of the version each service writes of each type unless configured otherwise: the newest
     * version the previous release reads (docs/adding-a-schema-version.md). A type with one released version
     * needs no line: it can only be written as v1.
     */
    public static final String WRITE_VERSIONS = DIRECTORY + "write-versions.properties";

    /**
     * The released files of the previous release, one {@code <FullName>/v<N>.avsc} a line: what every reader still
     * running during an upgrade knows.
     */
    public static final String PREVIOUS_RELEASE_INDEX = DIRECTORY + "previous-release-index.txt";

    private final Map<String, List<Schema>> versions;
    private final Map<String, Integer> unreleased;
    private final Map<Long, Schema> byFingerprint = new HashMap<>();

    private ReleasedSchemas(Map<String, List<Schema>> versions, Map<String, Integer> unreleased) {
        Map<String, List<Schema>> copy = new TreeMap<>();
        versions.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        this.versions = Collections.unmodifiableMap(copy);
        this.unreleased = Collections.unmodifiableMap(new TreeMap<>(unreleased));
        copy.values()
                .forEach(list -> list.forEach(
                        schema -> byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema)));
    }

    /**
     * Reads every version in the released directory on the classpath, and each current schema that is not
     * released yet as its type's next version.
     */
    public static ReleasedSchemas load() {
        return Loaded.INSTANCE;
    }

    /**
     * The versions the previous release knew ({@link #PREVIOUS_RELEASE_INDEX}): what the oldest reader still
     * running during a rolling upgrade to this release reads.
     */
    public static ReleasedSchemas previousRelease() {
        return new ReleasedSchemas(ClasspathSchemas.readIndex(PREVIOUS_RELEASE_INDEX), Map.of());
    }

    /**
     * Versions given by the caller (type full name to versions, oldest first), all released, e.g. to test a future
     * version.
     */
    public static ReleasedSchemas of(Map<String, List<Schema>> versions) {
        return new ReleasedSchemas(versions, Map.of());
    }

    /**
     * The released versions (type full name to versions, oldest first) and the current schemas: a current schema
     * that is {@linkplain #sameVersion the same} as its type's latest released version is that version; one that
     * is not, or of a type with no released version, is the type's next version, unreleased.
     */
    public static ReleasedSchemas withCurrent(Map<String, List<Schema>> released, Collection<Schema> current) {
        Map<String, List<Schema>> versions = new TreeMap<>(released);
        Map<String, Integer> unreleased = new TreeMap<>();
        for (Schema schema : current) {
            List<Schema> known = new ArrayList<>(versions.getOrDefault(schema.getFullName(), List.of()));
            if (known.isEmpty() || !sameVersion(schema, known.get(known.size() - 1))) {
                known.add(schema);
                versions.put(schema.getFullName(), known);
                unreleased.put(schema.getFullName(), known.size());
            }
        }
        return new ReleasedSchemas(versions, unreleased);
    }

    /**
     * Whether two schemas are the same version: equal in everything the Avro specification defines, docs
     * included (what readers resolve, and what the released text says), custom properties left out. The parsing
     * fingerprint alone would take a changed doc or default for the same version.
     */
    public static boolean sameVersion(Schema a, Schema b) {
        return VersionComparison.sameVersion(a, b);
    }

    public Optional<Schema> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** The released versions of a type, oldest first; empty if the type was never released. */
    public List<Schema> versionsOf(String fullName) {
        return versions.getOrDefault(fullName, List.of());
    }

    public Set<String> typeNames() {
        return versions.keySet();
    }

    /**
     * The types whose current schema is not released yet, to that version's number: the latest of the type's
     * versions, read like the others but not in the released directory until the release command writes it.
     */
    public Map<String, Integer> unreleased() {
        return unreleased;
    }

    /** Whether version {@code version} (from 1) of a type is one of its versions and is released. */
    public boolean isReleased(String fullName, int version) {
        return version >= 1
                && version <= versionsOf(fullName).size()
                && unreleased.getOrDefault(fullName, 0) != version;
    }

    /** Type full name to its versions, oldest first. */
    public Map<String, List<Schema>> all() {
        return versions;
    }

    /**
     * These versions without the newer ones: for each type in {@code newest} (full name to version), only v1 up
     * to that version; every version of the other types. A reader over the result reads as a release that knew
     * only those versions did.
     *
     * @throws IllegalArgumentException if a type is not released or a version is not one of its versions
     */
    public ReleasedSchemas upTo(Map<String, Integer> newest) {
        Map<String, List<Schema>> kept = new TreeMap<>(versions);
        newest.forEach((type, version) -> kept.put(type, versionsOf(type).subList(0, checkedVersion(type, version))));
        Map<String, Integer> stillUnreleased = new TreeMap<>(unreleased);
        stillUnreleased
                .entrySet()
                .removeIf(type -> type.getValue() > kept.get(type.getKey()).size());
        return new ReleasedSchemas(kept, stillUnreleased);
    }

    /**
     * Version {@code version} (from 1) of a type.
     *
     * @throws IllegalArgumentException if the type is not released or has no such version
     */
    public Schema version(String fullName, int version) {
        return versionsOf(fullName).get(checkedVersion(fullName, version) - 1);
    }

    /** The version number (from 1) of a released schema of a type, 0 if it is none of them. */
    public int versionOf(Schema schema) {
        return versionsOf(schema.getFullName()).indexOf(schema) + 1;
    }

    /**
     * The version each type is written in unless a service is configured otherwise, as declared in {@link
     * #WRITE_VERSIONS}: type full name to version.
     *
     * @throws IllegalStateException if the declaration misses a type with more than one version, names
     *     one that is not released, or a version that is not
     */
    public Map<String, Integer> defaultWriteVersions() {
        Properties declared = ClasspathSchemas.writeVersions();
        Map<String, Integer> result = new TreeMap<>();
        for (String type : declared.stringPropertyNames()) {
            String value = declared.getProperty(type).strip();
            try {
                int version = Integer.parseInt(value);
                checkedVersion(type, version);
                result.put(type, version);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Bad line in " + WRITE_VERSIONS + ": '" + type + "=" + value + "': "
                        + (e instanceof NumberFormatException ? "not a version number" : e.getMessage()));
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String type : typeNames()) {
            if (!result.containsKey(type)) {
                if (versionsOf(type).size() == 1) {
                    result.put(type, 1);
                } else {
                    missing.add(type);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(WRITE_VERSIONS + " declares no write version for " + missing
                    + ", which have more than one version (one not released yet counts): declare the newest the"
                    + " previous release reads (docs/adding-a-schema-version.md)");
        }
        return Collections.unmodifiableMap(result);
    }

    private int checkedVersion(String type, int version) {
        List<Schema> list = versionsOf(type);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no message type " + type + " is released");
        }
        if (version < 1 || version > list.size()) {
            throw new IllegalArgumentException(type + " has no version " + version + ": "
                    + (unreleased.containsKey(type)
                            ? "its versions are v1 to v" + list.size() + " (v" + list.size() + " not released yet)"
                            : "its released versions are v1 to v" + list.size()));
        }
        return version;
    }

    // A holder class, so the classpath is read once and only when first needed.
    private static final class Loaded {
        static final ReleasedSchemas INSTANCE =
                withCurrent(ClasspathSchemas.released(), ClasspathSchemas.currentSchemas());
    }

    /**
     * Every {@code .avsc} file under {@link #DIRECTORY}, relative to it: the directory, or the jar, that holds
     * {@link #WRITE_VERSIONS} is listed.
     */
    static List<String> releasedFiles() {
        return ClasspathSchemas.releasedFiles();
    }
}
