package org.cosmicstock.schemas.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cosmicstock.schemas.testing.TestFiles.contents;
import static org.cosmicstock.schemas.testing.TestFiles.copyTree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release command on a copy of this module's schemas: real files in a temporary directory. */
class ReleaseSchemasTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final String RELEASED = "src/main/resources/" + ReleasedSchemas.DIRECTORY;
    private static final String INDEX = "src/main/resources/" + ReleasedSchemas.PREVIOUS_RELEASE_INDEX;
    private static final String ALLOCATE = "org.cosmicstock.schemas.commands.Allocate";

    private static final String RESERVE_STOCK = """
            {
              "type": "record",
              "name": "ReserveStock",
              "namespace": "org.cosmicstock.schemas.commands",
              "doc": "Hold units of a SKU for a reference.",
              "fields": [
                {"name": "ref", "type": "string", "doc": "The reservation."},
                {"name": "sku", "type": "string", "doc": "Stock-keeping unit."},
                {"name": "qty", "type": "int", "doc": "Units held."},
                {"name": "note", "type": ["null", "string"], "default": null, "doc": "Why."}
              ]
            }
            """;

    @TempDir
    Path module;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyThisModulesSchemas() throws IOException {
        copyTree(CURRENT, module.resolve("src/main/avro"));
        copyTree(RESOURCES.resolve(ReleasedSchemas.DIRECTORY), module.resolve(RELEASED));
    }

    @Test
    void releasesEveryCurrentSchemaNotReleasedYetAndListsEveryReleasedFile() throws IOException {
        Files.writeString(module.resolve("src/main/avro/ReserveStock.avsc"), RESERVE_STOCK);
        writeCurrent("Allocate.avsc", TestSchemas.withOptionalNote(releasedAllocate(1)));
        Map<String, byte[]> before = contents(module.resolve(RELEASED));
        List<String> comment = Files.readAllLines(module.resolve(INDEX)).stream()
                .takeWhile(line -> line.startsWith("#"))
                .toList();

        assertThat(run()).isEqualTo(ReleaseSchemas.DONE);

        assertThat(bytes(RELEASED + "org.cosmicstock.schemas.commands.ReserveStock/v1.avsc"))
                .isEqualTo(bytes("src/main/avro/ReserveStock.avsc"));
        assertThat(bytes(RELEASED + ALLOCATE + "/v2.avsc")).isEqualTo(bytes("src/main/avro/Allocate.avsc"));
        Map<String, byte[]> after = contents(module.resolve(RELEASED));
        before.forEach((file, bytes) -> {
            if (!file.equals("previous-release-index.txt")) {
                assertThat(after.get(file)).as(file).isEqualTo(bytes);
            }
        });
        List<String> released = after.keySet().stream()
                .filter(file -> file.endsWith(".avsc"))
                .sorted()
                .toList();
        List<String> index = Files.readAllLines(module.resolve(INDEX));
        assertThat(index).startsWith(comment.toArray(String[]::new));
        assertThat(index.subList(comment.size(), index.size())).isEqualTo(released);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Released " + ALLOCATE + " v2: Allocate.avsc copied to " + RELEASED + ALLOCATE + "/v2.avsc")
                .contains("Released org.cosmicstock.schemas.commands.ReserveStock v1: ReserveStock.avsc copied to ")
                .contains("Wrote " + INDEX + ": the " + released.size() + " released files");
    }

    @Test
    void aSecondRunWritesNothingAndSaysSo() throws IOException {
        Files.writeString(module.resolve("src/main/avro/ReserveStock.avsc"), RESERVE_STOCK);
        assertThat(run()).isEqualTo(ReleaseSchemas.DONE);
        Map<String, byte[]> released = contents(module);
        out.reset();

        assertThat(run()).isEqualTo(ReleaseSchemas.DONE);

        assertThat(contents(module)).containsExactlyInAnyOrderEntriesOf(released);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Nothing to release: every current schema is released, and previous-release-index.txt"
                        + " lists every released file" + System.lineSeparator());
    }

    /** A current schema that differs from a released version is a new version: the released file stays. */
    @Test
    void neverRewritesAReleasedFile() throws IOException {
        Schema v2 = TestSchemas.withOptionalNote(releasedAllocate(1));
        Files.writeString(module.resolve(RELEASED + ALLOCATE + "/v2.avsc"), v2.toString(true));
        byte[] v2File = bytes(RELEASED + ALLOCATE + "/v2.avsc");
        writeCurrent(
                "Allocate.avsc",
                new Schema.Parser().parse(v2.toString().replace("\"doc\":\"A note.\"", "\"doc\":\"A better note.\"")));

        assertThat(run()).isEqualTo(ReleaseSchemas.DONE);

        assertThat(bytes(RELEASED + ALLOCATE + "/v2.avsc")).isEqualTo(v2File);
        assertThat(bytes(RELEASED + ALLOCATE + "/v3.avsc")).isEqualTo(bytes("src/main/avro/Allocate.avsc"));
    }

    /** A current schema with only custom properties added (such as the contract's writtenBy) is no new version. */
    @Test
    void releasesNothingForCustomPropertiesAlone() throws IOException {
        Schema withProperty = releasedAllocate(1);
        withProperty.addProp("writtenBy", "orders-service");
        writeCurrent("Allocate.avsc", withProperty);

        assertThat(run()).isEqualTo(ReleaseSchemas.DONE);

        assertThat(module.resolve(RELEASED + ALLOCATE + "/v2.avsc")).doesNotExist();
    }

    @Test
    void theReleasedCopyLeavesOutWhoWritesAndWhoActsAndIsOtherwiseTheSame() throws IOException {
        String declared = RESERVE_STOCK.replace(
                "  \"doc\": \"Hold units of a SKU for a reference.\",\n",
                "  \"doc\": \"Hold units of a SKU for a reference.\",\n"
                        + "  \"writtenBy\": [\"any producer\"],\n"
                        + "  \"actedOnBy\": [\"allocation-service\"],\n");
        assertThat(declared).contains("writtenBy");
        Files.writeString(module.resolve("src/main/avro/ReserveStock.avsc"), declared);

        assertThat(run()).isEqualTo(ReleaseSchemas.DONE);

        assertThat(Files.readString(module.resolve(RELEASED + "org.cosmicstock.schemas.commands.ReserveStock/v1.avsc")))
                .isEqualTo(RESERVE_STOCK);
    }

    @Test
    void refusesARoleThatIsNotOnALineOfItsOwnWritingNothing() throws IOException {
        Path declared = module.resolve("src/main/avro/ReserveStock.avsc");
        Files.writeString(
                declared,
                RESERVE_STOCK.replace(
                        "  \"doc\": \"Hold units of a SKU for a reference.\",\n",
                        "  \"doc\": \"Hold units of a SKU for a reference.\",\n"
                                + "  \"writtenBy\": [\n    \"any producer\"\n  ],\n"
                                + "  \"actedOnBy\": [\"allocation-service\"],\n"));

        assertRefusedWritingNothing(declared + ": write \"writtenBy\": [...] on a line of its own");
    }

    @Test
    void refusesAReleasedDirectoryThatIsNotV1ToVnWritingNothing() throws IOException {
        Files.copy(module.resolve(RELEASED + ALLOCATE + "/v1.avsc"), module.resolve(RELEASED + ALLOCATE + "/v3.avsc"));
        Files.writeString(module.resolve("src/main/avro/ReserveStock.avsc"), RESERVE_STOCK);

        assertRefusedWritingNothing("Released versions of " + ALLOCATE + " are not v1..vN: [1, 3]");
    }

    @Test
    void refusesAnIncompatibleVersionWritingNothing() throws IOException {
        writeCurrent(
                "Allocate.avsc",
                TestSchemas.withFieldType(releasedAllocate(1), "qty", Schema.create(Schema.Type.STRING)));
        Files.writeString(module.resolve("src/main/avro/ReserveStock.avsc"), RESERVE_STOCK);

        assertRefusedWritingNothing("Not compatible with every earlier version: ");
    }

    @Test
    void refusesTwoCurrentSchemasOfOneTypeWritingNothing() throws IOException {
        writeCurrent("Allocate2.avsc", TestSchemas.withOptionalNote(releasedAllocate(1)));

        assertRefusedWritingNothing("Two current schemas of " + ALLOCATE + ": ");
    }

    private void assertRefusedWritingNothing(String reason) throws IOException {
        Map<String, byte[]> before = contents(module);

        assertThat(run()).isEqualTo(ReleaseSchemas.REFUSED);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("REFUSED: " + reason);
        assertThat(contents(module)).containsExactlyInAnyOrderEntriesOf(before);
    }

    private int run() {
        return ReleaseSchemas.run(
                new String[] {module.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Schema releasedAllocate(int version) throws IOException {
        return new Schema.Parser()
                .parse(module.resolve(RELEASED + ALLOCATE + "/v" + version + ".avsc")
                        .toFile());
    }

    private void writeCurrent(String file, Schema schema) throws IOException {
        Files.writeString(module.resolve("src/main/avro").resolve(file), schema.toString(true));
    }

    private byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(module.resolve(file));
    }
}
