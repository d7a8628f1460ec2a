package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ContractFixtures;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every released version's producers sent stays readable: a change to the codec or to a schema that
 * makes an old fixture unreadable, or read differently, fails here. A version not released yet has fixtures
 * too, which follow its schema until it is released.
 */
class ContractFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources", ContractFixtures.DIRECTORY);
    private static final ReleasedSchemas RELEASED = ReleasedSchemas.load();
    private static final String GENERATE =
            "run ./mvnw -o -q -pl shared-schemas test -Dtest=GenerateContractFixtures, then commit what it wrote";
    private static final Map<String, Schema> CURRENT =
            MessageType.ALL.stream().collect(Collectors.toMap(MessageType::fullName, MessageType::schema));

    private static FakeSchemaRegistry registry;
    private static MessageCodec codec;

    static List<ContractFixture> fixtures() {
        return ContractFixtures.all();
    }

    @BeforeAll
    static void registryOfTheFixtures() {
        registry = ContractFixtures.putSchemas(FakeSchemaRegistry.start(), fixtures());
        codec = registry.codec();
    }

    @AfterAll
    static void stopRegistry() {
        registry.stop();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureReadsAsTheMessageItHolds(ContractFixture fixture) {
        assertThat(ContractFixture.json(codec.decode(fixture.payload())))
                .isEqualTo(fixture.expectedJson(CURRENT.get(fixture.type())));
        assertThat(codec.typeOf(fixture.payload())).isEqualTo(fixture.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureIsWhatItClaims(ContractFixture fixture) {
        assertThat(fixture.version())
                .as(
                        "a version of %s (fixtures of a version that is no longer one, never released: %s)",
                        fixture.type(), GENERATE)
                .isBetween(1, RELEASED.versionsOf(fixture.type()).size());
        Schema released = RELEASED.version(fixture.type(), fixture.version());
        assertThat(fixture.writer()).as("the schema the id stands for").isEqualTo(released);
        // To the letter, docs too: the fixtures of a version not released yet follow its schema until it is.
        assertThat(fixture.writerSchema())
                .as(
                        "the text of %s v%d (%s)",
                        fixture.type(),
                        fixture.version(),
                        RELEASED.isReleased(fixture.type(), fixture.version())
                                ? "released: its fixtures are never rewritten"
                                : "not released yet, changed since its fixtures were written: " + GENERATE)
                .isEqualTo(released.toString());
        assertThat(fixture.headers())
                .containsExactly(
                        Map.entry("ce_type", fixture.type()),
                        Map.entry("content-type", fixture.format().mediaType()));
        assertThat(WireFormat.of(fixture.payload())).isEqualTo(fixture.format());
        byte[] payload = fixture.payload();
        if (fixture.format() == WireFormat.SINGLE_OBJECT) {
            long fingerprint = ByteBuffer.wrap(payload, 2, 8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getLong();
            assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(released));
        } else {
            assertThat(ByteBuffer.wrap(payload, 1, 4).getInt()).isEqualTo(fixture.schemaId());
        }
    }

    /** Every version, released or not yet: what a consumer must read is read by its contract test. */
    @Test
    void everyReleasedVersionHasFixtures() {
        List<String> released = RELEASED.all().entrySet().stream()
                .flatMap(type -> Stream.iterate(1, v -> v <= type.getValue().size(), v -> v + 1)
                        .map(version -> type.getKey() + "/v" + version))
                .toList();

        assertThat(ContractFixtures.versions())
                .as("versions without contract fixtures: " + GENERATE)
                .containsAll(released);
    }

    @Test
    void bothFormatsOfAFixtureCarryTheSameBody() {
        Map<String, List<ContractFixture>> byMessage =
                fixtures().stream().collect(Collectors.groupingBy(f -> f.type() + "/v" + f.version() + "/" + f.name()));

        byMessage.forEach((message, pair) -> {
            assertThat(pair).as(message).hasSize(2);
            byte[] single = pair.get(0).payload();
            byte[] registered = pair.get(1).payload();
            assertThat(Arrays.copyOfRange(registered, 5, registered.length))
                    .as(message)
                    .isEqualTo(Arrays.copyOfRange(single, 10, single.length));
        });
    }

    @Test
    void theIndexListsEveryFixtureDirectoryOnceAndEachVersionHasItsOwnSchemaId() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES, 2)) {
            List<String> onDisk = files.filter(path -> path.getNameCount() - FIXTURES.getNameCount() == 2)
                    .map(path -> FIXTURES.relativize(path).toString().replace('\\', '/'))
                    .toList();
            assertThat(ContractFixtures.versions()).doesNotHaveDuplicates().hasSameElementsAs(onDisk);
        }
        Map<Integer, List<String>> versionsById = fixtures().stream()
                .collect(Collectors.groupingBy(
                        ContractFixture::schemaId,
                        Collectors.mapping(f -> f.type() + "/v" + f.version(), Collectors.toSet())))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        assertThat(versionsById.values())
                .allSatisfy(versions -> assertThat(versions).hasSize(1));
    }
}
