package org.cosmicstock.schemas.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;

/**
 * Every released version of every message type, so that a reader can resolve any writer schema by
 * its fingerprint. Immutable and thread-safe.
 */
public final class ReleasedSchemas {

    /** Classpath directory of the released versions: {@code <FullName>/v<N>.avsc} and {@code index.txt}. */
    public static final String DIRECTORY = "org/cosmicstock/schemas/released/";

    private static final Pattern INDEX_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)/v([1-9][0-9]*)\\.avsc");

    private final Map<String, List<Schema>> versions;
    private final Map<Long, Schema> byFingerprint = new HashMap<>();

    private ReleasedSchemas(Map<String, List<Schema>> versions) {
        Map<String, List<Schema>> copy = new TreeMap<>();
        versions.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        this.versions = Collections.unmodifiableMap(copy);
        copy.values()
                .forEach(list -> list.forEach(
                        schema -> byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema)));
    }

    /** Reads {@code index.txt} and every version it lists from the classpath. */
    public static ReleasedSchemas load() {
        return Loaded.INSTANCE;
    }

    /** Versions given by the caller (type full name to versions, oldest first), e.g. to test a future version. */
    public static ReleasedSchemas of(Map<String, List<Schema>> versions) {
        return new ReleasedSchemas(versions);
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

    /** Type full name to its versions, oldest first. */
    public Map<String, List<Schema>> all() {
        return versions;
    }

    // A holder class, so the classpath is read once and only when first needed.
    private static final class Loaded {
        static final ReleasedSchemas INSTANCE = new ReleasedSchemas(readIndex());
    }

    private static Map<String, List<Schema>> readIndex() {
        Map<String, TreeMap<Integer, Schema>> found = new TreeMap<>();
        for (String line : lines(DIRECTORY + "index.txt")) {
            Matcher matcher = INDEX_LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalStateException("Bad line in " + DIRECTORY + "index.txt: '" + line + "'");
            }
            TreeMap<Integer, Schema> byVersion = found.computeIfAbsent(matcher.group(1), type -> new TreeMap<>());
            if (byVersion.put(Integer.valueOf(matcher.group(2)), parse(DIRECTORY + line)) != null) {
                throw new IllegalStateException("Listed twice in " + DIRECTORY + "index.txt: " + line);
            }
        }
        Map<String, List<Schema>> versions = new TreeMap<>();
        found.forEach((type, byVersion) -> {
            // Versions are numbered 1..N: a gap means a lost version or a typo in the index.
            if (byVersion.lastKey() != byVersion.size()) {
                throw new IllegalStateException(
                        "Released versions of " + type + " are not v1..vN: " + byVersion.keySet());
            }
            versions.put(type, new ArrayList<>(byVersion.values()));
        });
        return versions;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = open(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static Schema parse(String resource) {
        // One parser per file: versions of the same type share a full name and would clash in one parser.
        try (InputStream in = open(resource)) {
            return new Schema.Parser().parse(in);
        } catch (SchemaParseException e) {
            throw new IllegalStateException("Invalid released schema " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing released schema resource " + resource);
        }
        return in;
    }
}
