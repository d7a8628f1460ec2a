package org.cosmicstock.schemas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
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
        TestFiles.copyTree(FIXTURES, copy);
        before = TestFiles.contents(copy);
    }

    @Test
    void writesNothingWhenEveryReleasedVersionHasFixtures() throws IOException {
        List<String> written = generate(ReleasedSchemas.load());

        assertThat(written).isEmpty();
        assertThat(TestFiles.contents(copy)).containsExactlyInAnyOrderEntriesOf(before);
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
        Map<String, byte[]> after = TestFiles.contents(copy);
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

    /** Written like any version, rewritten while it is not released, frozen once it is. */
    @Test
    void rewritesAnUnreleasedVersionWithItsSchemaIdUntilItIsReleased() throws IOException {
        Map<String, List<Schema>> releasedNow = ReleasedSchemas.load().all();
        Schema v1 = releasedNow.get(ALLOCATE).get(0);
        Schema noted = TestSchemas.withOptionalNote(v1);
        Schema notedWithMemo = TestSchemas.withField(
                noted,
                new Schema.Field(
                        "memo",
                        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                        "A memo.",
                        JsonProperties.NULL_VALUE));
        Path v2Dir = copy.resolve(ALLOCATE + "/v2");

        assertThat(generate(ReleasedSchemas.withCurrent(releasedNow, List.of(noted))))
                .containsExactly(ALLOCATE + "/v2");
        String schemaId = idOf(v2Dir);
        Map<String, byte[]> written = TestFiles.contents(copy);

        assertThat(generate(ReleasedSchemas.withCurrent(releasedNow, List.of(noted))))
                .as("the same schema and samples again")
                .isEmpty();
        assertThat(TestFiles.contents(copy)).containsExactlyInAnyOrderEntriesOf(written);

        assertThat(generate(ReleasedSchemas.withCurrent(releasedNow, List.of(notedWithMemo))))
                .containsExactly(ALLOCATE + "/v2");
        assertThat(idOf(v2Dir)).isEqualTo(schemaId);
        assertThat(Files.readString(v2Dir.resolve("message-1.json"))).contains("\"memo\" : null");
        assertThat(Files.readAllLines(copy.resolve("index.txt")))
                .filteredOn(line -> line.equals(ALLOCATE + "/v2"))
                .hasSize(1);

        Map<String, byte[]> atRelease = TestFiles.contents(copy);
        Map<String, List<Schema>> released = new HashMap<>(releasedNow);
        released.put(ALLOCATE, List.of(v1, notedWithMemo));
        assertThat(generate(ReleasedSchemas.of(released))).isEmpty();
        assertThat(generate(ReleasedSchemas.withCurrent(released, List.of(noted))))
                .as("a released version's fixtures are never rewritten, whatever the current schema")
                .containsExactly(ALLOCATE + "/v3");
        Map<String, byte[]> after = TestFiles.contents(copy);
        atRelease.forEach((file, bytes) -> {
            if (!file.equals("index.txt")) {
                assertThat(after.get(file)).as(file).isEqualTo(bytes);
            }
        });
    }

    @Test
    void removesTheFixturesOfAnUnreleasedVersionThatIsNoLongerOne() throws IOException {
        Map<String, List<Schema>> releasedNow = ReleasedSchemas.load().all();
        Schema noted = TestSchemas.withOptionalNote(releasedNow.get(ALLOCATE).get(0));
        generate(ReleasedSchemas.withCurrent(releasedNow, List.of(noted)));

        assertThat(generate(ReleasedSchemas.of(releasedNow))).isEmpty();

        assertThat(TestFiles.contents(copy)).containsExactlyInAnyOrderEntriesOf(before);
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

    private static String idOf(Path versionDir) throws IOException {
        return ContractFixtures.properties(Files.readAllBytes(versionDir.resolve("version.properties")))
                .getProperty("schema.id");
    }
}
