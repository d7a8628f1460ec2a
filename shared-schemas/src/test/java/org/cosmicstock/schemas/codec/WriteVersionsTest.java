package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SchemaNotRegisteredException;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ContractFixtures;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rolling-upgrade rule: a service writes each type in a version every reader still running knows. By
 * default that is what {@link ReleasedSchemas#WRITE_VERSIONS} declares, which the previous release must read;
 * every released version can be written, as the bytes its own producers wrote.
 */
class WriteVersionsTest {

    private static final ReleasedSchemas RELEASED = ReleasedSchemas.load();
    private static final Path CHANGELOG = Path.of("..", "CHANGELOG.md");
    private static final String ALLOCATE = Allocate.getClassSchema().getFullName();
    private static final String ALLOCATED = Allocated.getClassSchema().getFullName();
    private static final String DEALLOCATED = Deallocated.getClassSchema().getFullName();

    static Stream<SpecificRecord> samples() {
        return SampleMessages.all().stream();
    }

    static Stream<ContractFixture> singleObjectFixtures() {
        return ContractFixtures.all().stream().filter(f -> f.format() == WireFormat.SINGLE_OBJECT);
    }

    @Test
    void everyTypeHasADefaultWriteVersionThatIsReleased() {
        Map<String, Integer> defaults = RELEASED.defaultWriteVersions();

        assertThat(defaults.keySet()).isEqualTo(RELEASED.typeNames());
        defaults.forEach((type, version) -> assertThat(version)
                .as(type)
                .isBetween(1, RELEASED.versionsOf(type).size()));
    }

    @Test
    void thePreviousReleaseKnewOnlyVersionsStillReleasedUnchanged() {
        ReleasedSchemas previous = ReleasedSchemas.previousRelease();

        previous.all().forEach((type, versions) -> {
            assertThat(RELEASED.versionsOf(type)).as(type).startsWith(versions.toArray(Schema[]::new));
        });
    }

    /** The bug of issue 19: a reader of the previous release dead-lettered every Allocated v2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theDefaultWriteVersionsAreReadByThePreviousRelease(SpecificRecord message) {
        ReleasedSchemas previous = ReleasedSchemas.previousRelease();
        String type = MessageCodec.typeName(message);
        if (previous.versionsOf(type).isEmpty()) {
            return; // a type new in this release: see typesThePreviousReleaseDidNotKnow
        }
        MessageCodec writer = MessageCodec.create(SchemaVersions.releaseDefaults());
        MessageCodec previousReader = new MessageCodec(previous);

        byte[] bytes = writer.encode(message);
        SpecificRecord read = previousReader.decode(bytes);

        Schema written = RELEASED.version(type, RELEASED.defaultWriteVersions().get(type));
        assertThat(previous.versionsOf(type)).contains(written);
        assertThat(ContractFixture.json(read)).isEqualTo(ContractFixture.json(projected(message, written)));
    }

    /**
     * The index is what the release command wrote when the previous release was cut: released files only (a
     * hand-edited line naming a file that does not exist fails here, not at the next release).
     */
    @Test
    void thePreviousReleaseIndexNamesReleasedFilesOnly() throws IOException {
        List<String> indexed =
                Files.readAllLines(Path.of("src/main/resources", ReleasedSchemas.PREVIOUS_RELEASE_INDEX)).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .toList();

        assertThat(ReleasedSchemas.releasedFiles())
                .as("released files, which %s must name only", ReleasedSchemas.PREVIOUS_RELEASE_INDEX)
                .containsAll(indexed);
    }

    /**
     * A type the previous release did not know is dead-lettered by its readers in whatever version it is
     * written: its producer must not send it until every reader is upgraded. A new type, or a new version, fails
     * this test until that is thought through and written down where operators read it, in the CHANGELOG's
     * unreleased section (docs/adding-a-schema-version.md). Once the release is cut, the release command makes
     * the previous release know them; until it is run, they stay new and this test asks for them in the
     * Unreleased section that the cut emptied.
     */
    @Test
    void typesThePreviousReleaseDidNotKnowAreInTheChangelog() throws IOException {
        assertThat(notInTheUnreleasedSection(RELEASED, ReleasedSchemas.previousRelease(), Files.readString(CHANGELOG)))
                .as(
                        "new since the previous release (%s), to be said in the Unreleased section of %s; if the"
                                + " release that brought them was cut, run ReleaseSchemas (docs/adding-a-schema-version.md)",
                        ReleasedSchemas.PREVIOUS_RELEASE_INDEX, CHANGELOG)
                .isEmpty();
    }

    @Test
    void aTypeOrVersionNewSinceThePreviousReleaseIsLookedForInTheUnreleasedSectionOnly() {
        Map<String, List<Schema>> previousVersions = new TreeMap<>(RELEASED.all());
        previousVersions.remove(ALLOCATE);
        previousVersions.put(ALLOCATED, RELEASED.versionsOf(ALLOCATED).subList(0, 1));
        ReleasedSchemas previous = ReleasedSchemas.of(previousVersions);
        String changelog =
                "# Changelog\n\n## Unreleased\n- `Allocated` v2.\n\n## 1.0\n- `Allocate` v1, `Deallocated` v2.\n";

        assertThat(notInTheUnreleasedSection(RELEASED, previous, changelog)).containsExactly("`Allocate`");
        assertThat(notInTheUnreleasedSection(RELEASED, previous, changelog.replace("`Allocated` v2", "`Allocated`")))
                .containsExactly("`Allocate`", "`Allocated` v2");
        assertThat(notInTheUnreleasedSection(RELEASED, RELEASED, changelog)).isEmpty();
    }

    /**
     * The types ({@code `Name`}) and versions of known types ({@code `Name` vN}) that {@code previous} did not
     * know, missing from the changelog's Unreleased section.
     */
    private static List<String> notInTheUnreleasedSection(
            ReleasedSchemas known, ReleasedSchemas previous, String changelog) {
        int start = changelog.indexOf("\n## Unreleased");
        assertThat(start).as("an Unreleased section in %s", CHANGELOG).isNotNegative();
        int end = changelog.indexOf("\n## ", start + 1);
        String unreleased = changelog.substring(start, end < 0 ? changelog.length() : end);
        List<String> missing = new ArrayList<>();
        known.all().forEach((type, versions) -> {
            String name = "`" + type.substring(type.lastIndexOf('.') + 1) + "`";
            int previousVersions = previous.versionsOf(type).size();
            if (previousVersions == 0) {
                if (!unreleased.contains(name)) {
                    missing.add(name);
                }
                return;
            }
            for (int version = previousVersions + 1; version <= versions.size(); version++) {
                if (!unreleased.contains(name + " v" + version)) {
                    missing.add(name + " v" + version);
                }
            }
        });
        return missing;
    }

    /** Writing version v of what a v-producer sent gives its bytes back: the older version, faithfully. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("singleObjectFixtures")
    void writingAReleasedVersionGivesTheBytesItsProducersWrote(ContractFixture fixture) {
        SpecificRecord message = MessageCodec.create().decode(fixture.payload());
        MessageCodec writer =
                MessageCodec.create(new SchemaVersions(Map.of(fixture.type(), fixture.version()), Map.of()));

        assertThat(writer.encode(message)).isEqualTo(fixture.payload());
        assertThat(writer.writeVersion(message.getClass().asSubclass(SpecificRecord.class)))
                .isEqualTo(fixture.version());
    }

    /** Every sample in every released version of its type: read by a reader of just that version, as it would. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyReleasedVersionIsWrittenAsItsReadersExpect(SpecificRecord message) {
        String type = MessageCodec.typeName(message);
        List<Schema> versions = RELEASED.versionsOf(type);
        for (int version = 1; version <= versions.size(); version++) {
            Schema schema = versions.get(version - 1);
            MessageCodec writer = MessageCodec.create(new SchemaVersions(Map.of(type, version), Map.of()));
            MessageCodec reader = MessageCodec.create(new SchemaVersions(Map.of(), Map.of(type, version)));

            byte[] bytes = writer.encode(message);

            assertThat(SingleObjectHeader.readFingerprint(bytes))
                    .as("v%d", version)
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(schema));
            assertThat(ContractFixture.json(reader.decode(bytes)))
                    .as("v%d", version)
                    .isEqualTo(ContractFixture.json(projected(message, schema)));
        }
    }

    /** What the rule prevents: a reader that knows only v1 cannot read a v2 in single-object encoding. */
    @Test
    void aReaderOfOlderVersionsOnlyDeadLettersANewerOne() {
        Allocated message = new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7);
        MessageCodec olderReader = MessageCodec.create(new SchemaVersions(Map.of(), Map.of(ALLOCATED, 1)));

        byte[] v2 = MessageCodec.create(new SchemaVersions(Map.of(ALLOCATED, 2), Map.of()))
                .encode(message);
        byte[] v1 = MessageCodec.create(new SchemaVersions(Map.of(ALLOCATED, 1), Map.of()))
                .encode(message);

        assertThatThrownBy(() -> olderReader.decode(v2)).isInstanceOf(UnknownSchemaException.class);
        assertThat(olderReader.decode(v1)).isEqualTo(new Allocated("order-1", "RED-CHAIR", 2, "batch-001", null));
        assertThat(MessageCodec.create().decode(v2)).isEqualTo(message);
    }

    @Test
    void theCodecOfToolsAndTestsWritesTheCurrentSchema() {
        assertThat(MessageCodec.create().writeVersion(Allocated.class)).isEqualTo(2);
        assertThat(MessageCodec.create(SchemaVersions.releaseDefaults()).writeVersion(Allocated.class))
                .isEqualTo(RELEASED.defaultWriteVersions().get(ALLOCATED));
    }

    @Test
    void settingsNameATypeByItsSimpleNameInAnyCaseOrItsFullName() {
        SchemaVersions versions = SchemaVersions.fromSettings(
                Map.of("allocated", 2, DEALLOCATED, 2), Map.of("OutOfStock", 1), "cosmicstock.messaging.schemas");

        assertThat(versions.write()).containsEntry(ALLOCATED, 2).containsEntry(DEALLOCATED, 2);
        assertThat(versions.write().keySet()).isEqualTo(RELEASED.typeNames());
        assertThat(versions.readUpTo()).containsExactly(Map.entry("org.cosmicstock.schemas.events.OutOfStock", 1));
        assertThat(SchemaVersions.fromSettings(Map.of(), Map.of(), "p").write())
                .isEqualTo(RELEASED.defaultWriteVersions());
    }

    @Test
    void anUnknownTypeOrVersionIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SchemaVersions.fromSettings(Map.of("Allocatd", 1), Map.of(), "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p.write.Allocatd: no message type is named 'Allocatd'; the types are "
                        + MessageTypes.names(MessageTypes.all()).stream()
                                .sorted(String.CASE_INSENSITIVE_ORDER)
                                .collect(Collectors.joining(", "))
                        + " (or their full names)");
        assertThatThrownBy(() -> SchemaVersions.fromSettings(Map.of("allocated", 3), Map.of(), "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "p.write.allocated=3: " + ALLOCATED + " has no version 3: its released versions are v1 to v2");
        assertThatThrownBy(() -> SchemaVersions.fromSettings(Map.of(), Map.of("Deallocated", 0), "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("p.read.Deallocated=0: ");
        assertThatThrownBy(() -> MessageCodec.create(new SchemaVersions(Map.of(ALLOCATED, 9), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no version 9");
    }

    /** The registry format writes the configured version: only it needs to be registered. */
    @Test
    void aRegistryWriterWritesAndVerifiesTheConfiguredVersion() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            int v1 = registry.add(ALLOCATED, RELEASED.version(ALLOCATED, 1));
            MessageCodec writer = MessageCodec.withRegistry(
                    RegistryClient.connect(registry.url()),
                    SubjectNameStrategy.RECORD_NAME,
                    RegistrationMode.VERIFY,
                    new SchemaVersions(Map.of(ALLOCATED, 1), Map.of()));
            writer.verifyWriters("allocation.events", List.of(Allocated.class));
            MessageCodec reader = registry.codec();

            byte[] bytes = writer.encode(new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7));

            assertThat(RegistryHeader.readSchemaId(bytes)).isEqualTo(v1);
            assertThat(reader.decode(bytes)).isEqualTo(new Allocated("order-1", "RED-CHAIR", 2, "batch-001", null));
            assertThatThrownBy(() -> registry.codec().verifyWriters("allocation.events", List.of(Allocated.class)))
                    .as("v2, the current schema, is not registered")
                    .isInstanceOf(SchemaNotRegisteredException.class);
        }
    }

    /** The message as a reader of {@code version} sees it: the fields that version lacks at their defaults. */
    private static SpecificRecord projected(SpecificRecord message, Schema version) {
        SpecificData model = ((SpecificRecordBase) message).getSpecificData();
        SpecificRecord copy = model.deepCopy(message.getSchema(), message);
        for (Schema.Field field : message.getSchema().getFields()) {
            if (version.getField(field.name()) == null) {
                copy.put(field.pos(), GenericData.get().getDefaultValue(field));
            }
        }
        return copy;
    }
}
