package org.cosmicstock.schemas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractFixtureGeneratorTest {

    private static final Path FIXTURES = Path.of("src/test/resources", ContractFixtures.DIRECTORY);
    private static final String ALLOCATE = "org.cosmicstock.schemas.commands.Allocate";

    @TempDir
    Path copy;

    private Map<String, byte[]> before;

    @BeforeEach
    void copyTheCommittedFixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(FIXTURES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        before = contents(copy);
    }

    @Test
    void writesNothingWhenEveryReleasedVersionHasFixtures() throws IOException {
        List<String> written = generate(ReleasedSchemas.load());

        assertThat(written).isEmpty();
        assertThat(contents(copy)).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void writesANewVersionWithANewSchemaIdAndLeavesEveryOldFileAlone() throws IOException {
        Map<String, List<Schema>> versions =
                new HashMap<>(ReleasedSchemas.load().all());
        Schema v1 = versions.get(ALLOCATE).get(0);
        Schema v2 = TestSchemas.withOptionalNote(v1);
        versions.put(ALLOCATE, List.of(v1, v2));

        List<String> written = generate(ReleasedSchemas.of(versions));

        assertThat(written).containsExactly(ALLOCATE + "/v2");
        Map<String, byte[]> after = contents(copy);
        before.forEach((file, bytes) -> {
            if (!file.equals("index.txt")) {
                assertThat(after.get(file)).as(file).isEqualTo(bytes);
            }
        });
        assertThat(Files.readAllLines(copy.resolve("index.txt"))).endsWith(ALLOCATE + "/v2");
        Path v2Dir = copy.resolve(ALLOCATE + "/v2");
        int highestBefore = ContractFixtures.all().stream()
                .mapToInt(ContractFixture::schemaId)
                .max()
                .orElseThrow();
        assertThat(Files.readString(v2Dir.resolve("version.properties")))
                .contains("version=2\n")
                .contains("schema.id=" + (highestBefore + 1) + "\n");
        assertThat(new Schema.Parser().parse(Files.readString(v2Dir.resolve("schema.avsc"))))
                .isEqualTo(v2);
        assertThat(Files.readString(v2Dir.resolve("message-1.json"))).contains("\"note\" : null");
    }

    @Test
    void refusesAVersionDirectoryTheIndexDoesNotList() throws IOException {
        Map<String, List<Schema>> versions =
                new HashMap<>(ReleasedSchemas.load().all());
        Schema v1 = versions.get(ALLOCATE).get(0);
        versions.put(ALLOCATE, List.of(v1, TestSchemas.withoutField(v1, "nothing")));
        Files.createDirectories(copy.resolve(ALLOCATE + "/v2"));

        assertThatThrownBy(() -> generate(ReleasedSchemas.of(versions)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists but index.txt does not list it");
    }

    @Test
    void refusesATypeWithoutASample() {
        Map<String, List<Schema>> versions =
                new HashMap<>(ReleasedSchemas.load().all());
        Schema stranger = TestSchemas.renamed(versions.get(ALLOCATE).get(0), "org.cosmicstock.schemas.commands.Hold");
        versions.put(stranger.getFullName(), List.of(stranger));

        assertThatThrownBy(() -> generate(ReleasedSchemas.of(versions)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No sample of org.cosmicstock.schemas.commands.Hold: add one to SampleMessages");
    }

    private List<String> generate(ReleasedSchemas released) {
        List<String> progress = new ArrayList<>();
        return ContractFixtureGenerator.generate(copy, released, SampleMessages.all(), progress::add);
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    contents.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return contents;
    }
}
