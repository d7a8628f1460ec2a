package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.cosmicstock.schemas.commands.Allocate;
import org.junit.jupiter.api.Test;

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
                .as("MessageType.ALL, the one list of the contract's types, against the released directory")
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
    void indexListsEveryReleasedFile() throws IOException {
        List<String> index = Files.readAllLines(RELEASED.resolve("index.txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        try (Stream<Path> files = Files.walk(RELEASED)) {
            List<String> onDisk = files.filter(file -> file.toString().endsWith(".avsc"))
                    .map(file -> RELEASED.relativize(file).toString().replace('\\', '/'))
                    .toList();
            assertThat(index).doesNotHaveDuplicates().hasSameElementsAs(onDisk);
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
