package org.cosmicstock.schemas.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which version of each message type a codec writes, and which versions it reads in single-object encoding.
 * A rolling upgrade runs two releases side by side: a service must write only what the readers still running
 * know, so each service writes the versions {@link ReleasedSchemas#WRITE_VERSIONS} declares (the newest ones
 * the previous release reads) unless configured otherwise, and the configuration is raised once every reader
 * is upgraded (docs/adding-a-schema-version.md). Immutable.
 *
 * @param write type full name to the version written; a type not in it is written in its current schema
 * @param readUpTo type full name to the newest version read in single-object encoding; a type not in it is
 *     read in every released version. Only to rehearse an upgrade: a reader so limited reads as a release that
 *     knew only those versions, and dead-letters the newer ones
 */
public record SchemaVersions(Map<String, Integer> write, Map<String, Integer> readUpTo) {

    public SchemaVersions {
        write = Collections.unmodifiableMap(new TreeMap<>(write));
        readUpTo = Collections.unmodifiableMap(new TreeMap<>(readUpTo));
    }

    /** Writes every type in its current schema, reads every released version: what {@link MessageCodec#create()} does. */
    public static SchemaVersions newest() {
        return new SchemaVersions(Map.of(), Map.of());
    }

    /** Writes what {@link ReleasedSchemas#WRITE_VERSIONS} declares, reads every released version. */
    public static SchemaVersions releaseDefaults() {
        return new SchemaVersions(ReleasedSchemas.load().defaultWriteVersions(), Map.of());
    }

    /**
     * The release's defaults with a service's settings over them, checked against the released versions.
     *
     * @param write type to the version to write; a type is its simple name in any case ({@code Allocated},
     *     {@code allocated}, as an environment variable gives it) or its full name
     * @param readUpTo type to the newest version to read in single-object encoding (an upgrade rehearsal only)
     * @param prefix the settings' common prefix, e.g. {@code cosmicstock.messaging.schemas}, for the messages
     * @throws IllegalArgumentException naming the setting, if a type is not a message type or a version is not
     *     one of its released versions
     */
    public static SchemaVersions fromSettings(
            Map<String, Integer> write, Map<String, Integer> readUpTo, String prefix) {
        ReleasedSchemas released = ReleasedSchemas.load();
        Map<String, Integer> writing = new TreeMap<>(released.defaultWriteVersions());
        writing.putAll(resolve(released, write, prefix + ".write"));
        return new SchemaVersions(writing, resolve(released, readUpTo, prefix + ".read"));
    }

    /** The version of {@code fullName} written, or 0 if it is written in its current schema. */
    public int writeVersion(String fullName) {
        return write.getOrDefault(fullName, 0);
    }

    private static Map<String, Integer> resolve(
            ReleasedSchemas released, Map<String, Integer> settings, String prefix) {
        Map<String, Integer> resolved = new LinkedHashMap<>();
        if (settings == null) {
            return resolved;
        }
        settings.forEach((name, version) -> {
            String type = typeNamed(released, name)
                    .orElseThrow(() -> new IllegalArgumentException(prefix + "." + name + ": no message type is named '"
                            + name + "'; the types are " + simpleNames(released) + " (or their full names)"));
            if (version == null) {
                throw new IllegalArgumentException(prefix + "." + name + ": no version given");
            }
            try {
                released.version(type, version);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "." + name + "=" + version + ": " + e.getMessage());
            }
            Integer before = resolved.put(type, version);
            if (before != null && !before.equals(version)) {
                throw new IllegalArgumentException(
                        prefix + ": " + type + " is given twice, as version " + before + " and " + version);
            }
        });
        return resolved;
    }

    private static Optional<String> typeNamed(ReleasedSchemas released, String name) {
        String wanted = name.strip();
        List<String> matches = released.typeNames().stream()
                .filter(type -> type.equals(wanted) || simpleName(type).equalsIgnoreCase(wanted))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static String simpleNames(ReleasedSchemas released) {
        return released.typeNames().stream()
                .map(SchemaVersions::simpleName)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
