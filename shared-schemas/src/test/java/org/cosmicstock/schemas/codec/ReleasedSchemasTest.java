package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.testing.ContractRoles;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time guard: what is released stays readable, and what is generated is its type's latest version,
 * released or next to be.
 */
class ReleasedSchemasTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("src/main/resources", ReleasedSchemas.DIRECTORY);

    private static final String ALLOCATE = Allocate.getClassSchema().getFullName();
    private static final String ALLOCATED = Allocated.getClassSchema().getFullName();

    private final ReleasedSchemas released = ReleasedSchemas.load();

    @Test
    void releasedVersionsAreMutuallyCompatible() {
        assertThat(CompatibilityCheck.violations(released.all())).isEmpty();
    }

    /**
     * The current schema of a type is its latest version: the latest released one, or the next one, unreleased
     * until the release command writes its copy (a type with no released version: v1).
     */
    @Test
    void everyCurrentSchemaIsItsTypesLatestVersion() throws IOException {
        Map<String, Schema> current = currentSchemas();

        assertThat(current.keySet()).as("types in %s", CURRENT).isEqualTo(released.typeNames());
        current.forEach((type, schema) -> {
            List<Schema> versions = released.versionsOf(type);
            Schema latest = versions.get(versions.size() - 1);
            assertThat(ReleasedSchemas.sameVersion(schema, latest))
                    .as("%s in %s is its latest version", type, CURRENT)
                    .isTrue();
            assertThat(SchemaNormalization.parsingFingerprint64(schema))
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(latest));
            assertThat(released.unreleased().get(type))
                    .as(
                            "%s: unreleased, as the next version, exactly when its current schema is not its latest"
                                    + " released one",
                            type)
                    .isEqualTo(sameAsLatestReleased(type, schema) ? null : releasedFilesOf(type) + 1);
        });
    }

    @Test
    void aCurrentSchemaWithOnlyCustomPropertiesAddedIsTheLatestReleasedVersion() {
        Schema v1 = released.version(ALLOCATE, 1);
        Schema current = new Schema.Parser().parse(v1.toString());
        current.addProp("writtenBy", "allocation-service");
        current.getField("sku").addProp("actedOnBy", "allocation-service");

        ReleasedSchemas known = ReleasedSchemas.withCurrent(Map.of(ALLOCATE, List.of(v1)), List.of(current));

        assertThat(known.versionsOf(ALLOCATE)).containsExactly(v1);
        assertThat(known.unreleased()).isEmpty();
        assertThat(known.isReleased(ALLOCATE, 1)).isTrue();
    }

    @Test
    void aChangedCurrentSchemaIsTheNextVersionUnreleased() {
        Schema v1 = released.version(ALLOCATE, 1);
        Schema current = TestSchemas.withOptionalNote(v1);

        ReleasedSchemas known = ReleasedSchemas.withCurrent(Map.of(ALLOCATE, List.of(v1)), List.of(current));

        assertThat(known.versionsOf(ALLOCATE)).containsExactly(v1, current);
        assertThat(known.unreleased()).containsExactly(Map.entry(ALLOCATE, 2));
        assertThat(known.isReleased(ALLOCATE, 1)).isTrue();
        assertThat(known.isReleased(ALLOCATE, 2)).isFalse();
        assertThat(known.byFingerprint(SchemaNormalization.parsingFingerprint64(current)))
                .contains(current);
        assertThatThrownBy(() -> known.version(ALLOCATE, 3))
                .hasMessage(ALLOCATE + " has no version 3: its versions are v1 to v2 (v2 not released yet)");
    }

    /** The released text is what readers and registries get: a new doc is a new version, as a new default is. */
    @Test
    void aCurrentSchemaWithAChangedDocOrDefaultIsTheNextVersion() {
        Schema v2 = released.version(ALLOCATED, 2);
        String text = v2.toString();
        Schema newDoc = new Schema.Parser().parse(text.replace("An order line was allocated", "A line was allocated"));
        Schema noteNone = TestSchemas.withField(v2, noteDefaulting("none"));
        Schema noteEmpty = TestSchemas.withField(v2, noteDefaulting(""));
        assertThat(ReleasedSchemas.sameVersion(newDoc, v2)).isFalse();
        assertThat(ReleasedSchemas.sameVersion(noteNone, noteEmpty)).isFalse();
        assertThat(ReleasedSchemas.sameVersion(noteNone, TestSchemas.withField(v2, noteDefaulting("none"))))
                .isTrue();
        assertThat(ReleasedSchemas.withCurrent(released.all(), List.of(newDoc)).unreleased())
                .containsExactly(
                        Map.entry(ALLOCATED, released.versionsOf(ALLOCATED).size() + 1));
    }

    @Test
    void aCurrentSchemaOfATypeNeverReleasedIsItsFirstVersionUnreleased() {
        Schema hold = TestSchemas.renamed(released.version(ALLOCATE, 1), "org.cosmicstock.schemas.commands.Hold");

        ReleasedSchemas known = ReleasedSchemas.withCurrent(released.all(), List.of(hold));

        assertThat(known.versionsOf(hold.getFullName())).containsExactly(hold);
        assertThat(known.unreleased()).containsExactly(Map.entry(hold.getFullName(), 1));
        assertThat(known.isReleased(hold.getFullName(), 1)).isFalse();
    }

    @Test
    void everyReleasedFileIsFoundByListingTheDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(RELEASED)) {
            List<String> onDisk = files.filter(file -> file.toString().endsWith(".avsc"))
                    .map(file -> RELEASED.relativize(file).toString().replace('\\', '/'))
                    .toList();
            assertThat(ReleasedSchemas.releasedFiles()).hasSameElementsAs(onDisk);
            assertThat(released.all().values().stream().mapToInt(List::size).sum())
                    .isEqualTo(onDisk.size() + released.unreleased().size());
        }
    }

    /** As the services run: shared-schemas as a jar (its directory listed from the jar's entries). */
    @Test
    void everyReleasedFileIsFoundInAJar(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("shared-schemas.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of(
                    "org/",
                    ReleasedSchemas.DIRECTORY,
                    ReleasedSchemas.WRITE_VERSIONS,
                    ReleasedSchemas.DIRECTORY + "org.example.A/v1.avsc",
                    ReleasedSchemas.DIRECTORY + "org.example.A/v2.avsc",
                    ReleasedSchemas.DIRECTORY + "org.example.B/v1.avsc",
                    ReleasedSchemas.DIRECTORY + "org.example.B/",
                    "org/cosmicstock/schemas/elsewhere/org.example.C/v1.avsc")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ClasspathSchemas.releasedFiles(loader))
                    .containsExactly("org.example.A/v1.avsc", "org.example.A/v2.avsc", "org.example.B/v1.avsc");
        }
    }

    @Test
    void findsEveryVersionByFingerprint() {
        released.all().values().stream()
                .flatMap(List::stream)
                .forEach(schema -> assertThat(released.byFingerprint(SchemaNormalization.parsingFingerprint64(schema)))
                        .contains(schema));
        assertThat(released.byFingerprint(42L)).isEmpty();
        assertThat(released.versionsOf("org.cosmicstock.schemas.commands.Nothing"))
                .isEmpty();
    }

    @Test
    void isImmutable() {
        assertThatThrownBy(() -> released.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> released.versionsOf(Allocate.getClassSchema().getFullName())
                        .clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Schema.Field noteDefaulting(String value) {
        return new Schema.Field(
                "note",
                Schema.createUnion(Schema.create(Schema.Type.STRING), Schema.create(Schema.Type.NULL)),
                "A note.",
                value);
    }

    private static int releasedFilesOf(String type) {
        Path directory = RELEASED.resolve(type);
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(file -> file.toString().endsWith(".avsc")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameAsLatestReleased(String type, Schema current) {
        int latest = releasedFilesOf(type);
        return latest > 0
                && ReleasedSchemas.sameVersion(
                        current, parse(RELEASED.resolve(type).resolve("v" + latest + ".avsc")));
    }

    private static Map<String, Schema> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            return files.filter(file -> file.toString().endsWith(".avsc"))
                    .map(ReleasedSchemasTest::parse)
                    // Who writes a type and who acts on it is no part of its versions: the released copies omit it.
                    .map(ContractRoles::withoutRoles)
                    .collect(Collectors.toMap(Schema::getFullName, Function.identity()));
        }
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
