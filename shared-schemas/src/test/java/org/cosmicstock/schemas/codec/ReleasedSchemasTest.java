package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
import org.cosmicstock.schemas.testing.ContractRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time guard: what is released stays readable, and what is generated is released. */
class ReleasedSchemasTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("src/main/resources", ReleasedSchemas.DIRECTORY);

    private final ReleasedSchemas released = ReleasedSchemas.load();

    @Test
    void releasedVersionsAreMutuallyCompatible() {
        assertThat(CompatibilityCheck.violations(released.all())).isEmpty();
    }

    @Test
    void everyCurrentSchemaIsTheLatestReleasedVersion() throws IOException {
        Map<String, Schema> current = currentSchemas();

        assertThat(current.keySet()).as("types in %s", CURRENT).isEqualTo(released.typeNames());
        current.forEach((type, schema) -> {
            List<Schema> versions = released.versionsOf(type);
            Schema latest = versions.get(versions.size() - 1);
            assertThat(schema)
                    .as("%s in %s changed without a new released version v%d", type, CURRENT, versions.size() + 1)
                    .isEqualTo(latest);
            assertThat(SchemaNormalization.parsingFingerprint64(schema))
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(latest));
        });
    }

    @Test
    void everyGeneratedClassIsTheLatestReleasedVersion() {
        assertThat(MessageType.ALL)
                .extracting(MessageType::fullName)
                .as("MessageType.ALL, the one list of the contract's types, derived from the released directory")
                .hasSameElementsAs(released.typeNames());
        // Generated schemas carry avro.java.string properties, which the parsing fingerprint rightly ignores.
        MessageType.ALL.forEach(type -> {
            List<Schema> versions = released.versionsOf(type.fullName());
            assertThat(SchemaNormalization.parsingFingerprint64(type.schema()))
                    .as("%s", type.fullName())
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(versions.get(versions.size() - 1)));
        });
    }

    @Test
    void everyReleasedFileIsFoundByListingTheDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(RELEASED)) {
            List<String> onDisk = files.filter(file -> file.toString().endsWith(".avsc"))
                    .map(file -> RELEASED.relativize(file).toString().replace('\\', '/'))
                    .toList();
            assertThat(ReleasedSchemas.releasedFiles()).hasSameElementsAs(onDisk);
            assertThat(released.all().values().stream().mapToInt(List::size).sum())
                    .isEqualTo(onDisk.size());
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
            assertThat(ReleasedSchemas.releasedFiles(loader))
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
