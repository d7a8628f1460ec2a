package org.cosmicstock.schemas.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.cosmicstock.schemas.codec.CompatibilityCheck;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.codec.SchemaRoles;

/**
 * Releases the schemas when a release is cut: writes the released copy {@code <full name>/v<N>.avsc} of every
 * current schema ({@code src/main/avro}) that is not its type's latest released version, byte for byte, and
 * rewrites {@code previous-release-index.txt} (its comment kept) to every released file, which is what the
 * readers of this release know once the next one is under way (docs/adding-a-schema-version.md). It works on
 * the source tree, never on a build's copy. Refuses, writing nothing, to overwrite a released file, to release a
 * version that is not compatible with every earlier one, or over a released directory that is not v1..vN;
 * running it again writes nothing and says so. From the repository's root, after a build:
 *
 * <pre>
 * java -cp 'shared-schemas/target/shared-schemas-&lt;version&gt;.jar:shared-schemas/target/lib/*' \
 *     org.cosmicstock.schemas.tools.ReleaseSchemas [shared-schemas directory, default shared-schemas]
 * </pre>
 */
public final class ReleaseSchemas {

    public static final int DONE = 0;
    public static final int REFUSED = 1;
    public static final int FAILED = 2;
    public static final int USAGE = 64;

    static final String USAGE_TEXT = """
            Usage: ReleaseSchemas [shared-schemas directory]

            Copies every current schema (src/main/avro) that is not released yet to
            src/main/resources/org/cosmicstock/schemas/released/<full name>/v<N>.avsc and rewrites
            previous-release-index.txt there to every released file. Run it once when a release is cut.
            The directory defaults to shared-schemas (run from the repository's root).
            """;

    private static final Pattern RELEASED_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    private ReleaseSchemas() {}

    public static void main(String[] args) {
        // Avro logs through SLF4J and this tool has no binding: no logging, and no warnings about it either.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** The whole command, for callers in the same JVM (tests): returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE_TEXT);
            return DONE;
        }
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            release(Path.of(args.length == 1 ? args[0] : "shared-schemas"), out);
            return DONE;
        } catch (IllegalStateException e) {
            err.println("REFUSED: " + e.getMessage());
            return REFUSED;
        } catch (IOException | UncheckedIOException e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * @param module the shared-schemas directory
     * @return the released files written, relative to {@code module}
     * @throws IllegalStateException if the release is refused; nothing is written then
     */
    public static List<Path> release(Path module, PrintStream out) throws IOException {
        Path current = module.resolve("src/main/avro");
        Path released = module.resolve("src/main/resources").resolve(ReleasedSchemas.DIRECTORY);
        if (!Files.isDirectory(current) || !Files.isDirectory(released)) {
            throw new IllegalStateException(
                    "Not the shared-schemas directory (no " + current + " or no " + released + ")");
        }
        Map<String, List<Path>> releasedFiles = releasedFiles(released);
        Map<String, List<Schema>> versions = new TreeMap<>();
        releasedFiles.forEach((type, files) -> versions.put(
                type, new ArrayList<>(files.stream().map(ReleaseSchemas::parse).toList())));

        Map<Path, Path> copies = new LinkedHashMap<>();
        Map<String, Path> currentOf = new TreeMap<>();
        for (Path file : avscFiles(current)) {
            Schema schema = parse(file);
            Path other = currentOf.put(schema.getFullName(), file);
            if (other != null) {
                throw new IllegalStateException(
                        "Two current schemas of " + schema.getFullName() + ": " + other + " and " + file);
            }
            List<Schema> known = versions.computeIfAbsent(schema.getFullName(), type -> new ArrayList<>());
            if (!known.isEmpty() && ReleasedSchemas.sameVersion(schema, known.get(known.size() - 1))) {
                continue;
            }
            known.add(schema);
            copies.put(file, released.resolve(schema.getFullName()).resolve("v" + known.size() + ".avsc"));
        }
        List<String> incompatible = CompatibilityCheck.violations(versions);
        if (!incompatible.isEmpty()) {
            throw new IllegalStateException("Not compatible with every earlier version: " + incompatible);
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Map.Entry<Path, Path> copy : copies.entrySet()) {
            if (Files.exists(copy.getValue())) {
                throw new IllegalStateException(
                        "Would overwrite the released file " + copy.getValue() + ", which is never rewritten");
            }
            texts.put(copy.getKey(), withoutRoles(copy.getKey()));
        }

        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> copy : copies.entrySet()) {
            Files.createDirectories(copy.getValue().getParent());
            // CREATE_NEW, never a replacement: a released file stays as it is.
            Files.writeString(copy.getValue(), texts.get(copy.getKey()), StandardOpenOption.CREATE_NEW);
            written.add(module.relativize(copy.getValue()));
            out.println("Released " + copy.getValue().getParent().getFileName() + " "
                    + copy.getValue().getFileName().toString().replace(".avsc", "") + ": "
                    + copy.getKey().getFileName()
                    + " copied to " + module.relativize(copy.getValue()));
        }

        Path index = module.resolve("src/main/resources").resolve(ReleasedSchemas.PREVIOUS_RELEASE_INDEX);
        List<String> comment = comment(index);
        List<String> indexLines = new ArrayList<>(comment);
        releasedFiles(released)
                .forEach((type, files) -> files.forEach(file -> indexLines.add(type + "/" + file.getFileName())));
        boolean indexChanged =
                !Files.exists(index) || !Files.readAllLines(index).equals(indexLines);
        if (indexChanged) {
            Files.write(index, indexLines);
            out.println("Wrote " + module.relativize(index) + ": the " + (indexLines.size() - comment.size())
                    + " released files, what this release's readers know");
        }
        if (written.isEmpty() && !indexChanged) {
            out.println("Nothing to release: every current schema is released, and " + index.getFileName()
                    + " lists every released file");
        }
        return written;
    }

    /**
     * The current schema's text without its {@code writtenBy} and {@code actedOnBy} lines: who writes a
     * type and who acts on it is the contract's current state, no part of a version (no released copy
     * carries them, and a registry gets the released text). Each must be on a line of its own.
     */
    static String withoutRoles(Path current) throws IOException {
        // Lines with their line breaks: everything but the two roles is copied byte for byte.
        String text = Arrays.stream(Files.readString(current).split("(?<=\n)"))
                .filter(line -> !SchemaRoles.LINE.matcher(line.stripTrailing()).matches())
                .collect(Collectors.joining());
        Schema released = new Schema.Parser().parse(text);
        for (String role : SchemaRoles.NAMES) {
            if (released.getObjectProp(role) != null) { // getProp sees string values only; roles are lists
                throw new IllegalStateException(current + ": write \"" + role + "\": [...] on a line of its own,"
                        + " so that the release can leave it out of the released copy");
            }
        }
        return text;
    }

    /** Type full name to its released files, v1 first. */
    private static Map<String, List<Path>> releasedFiles(Path released) throws IOException {
        Map<String, List<Path>> files = new TreeMap<>();
        try (Stream<Path> types = Files.list(released)) {
            for (Path type : types.filter(Files::isDirectory).sorted().toList()) {
                Map<Integer, Path> byVersion = new TreeMap<>();
                for (Path file : avscFiles(type)) {
                    Matcher matcher = RELEASED_FILE.matcher(file.getFileName().toString());
                    if (!matcher.matches()) {
                        throw new IllegalStateException("Not a released version's name: " + file);
                    }
                    byVersion.put(Integer.valueOf(matcher.group(1)), file);
                }
                if (byVersion.size()
                        != byVersion.keySet().stream().mapToInt(v -> v).max().orElse(0)) {
                    throw new IllegalStateException(
                            "Released versions of " + type.getFileName() + " are not v1..vN: " + byVersion.keySet());
                }
                files.put(type.getFileName().toString(), List.copyOf(byVersion.values()));
            }
        }
        return files;
    }

    private static List<Path> avscFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        }
    }

    /** The comment at the top of the index, kept as it is. */
    private static List<String> comment(Path index) throws IOException {
        if (!Files.exists(index)) {
            return List.of();
        }
        return Files.readAllLines(index).stream()
                .takeWhile(line -> line.startsWith("#"))
                .toList();
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (SchemaParseException e) {
            throw new IllegalStateException("Invalid schema " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
