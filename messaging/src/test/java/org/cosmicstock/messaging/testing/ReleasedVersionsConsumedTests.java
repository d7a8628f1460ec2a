package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ReleasedFixtures;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service reads what every released producer sent: each golden message of the contract (every version, both
 * wire formats) of a type it reads is decoded by the codec it runs and mapped as at run time, as the current
 * version's sample is: to a handled message with the same fields, or to nothing. A service's test extends this
 * with its {@link ContractReader}s, the same declaration its {@link AvroMappingCoverageTests} uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReleasedVersionsConsumedTests {

    private final List<ContractReader> readers;
    private ReleasedFixtures fixtures;

    /** {@code readers}: what the service reads. */
    protected ReleasedVersionsConsumedTests(List<ContractReader> readers) {
        this.readers = List.copyOf(readers);
    }

    @BeforeAll
    void registry() {
        fixtures = ReleasedFixtures.start();
    }

    @AfterAll
    void stop() {
        fixtures.close();
    }

    Stream<Arguments> released() {
        return readers.stream()
                .flatMap(reader ->
                        ReleasedFixtures.of(reader.types()).stream().map(fixture -> Arguments.of(fixture, reader)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void everyReleasedMessageIsReadAsTheCurrentVersionsSampleIs(ContractFixture fixture, ContractReader reader) {
        SpecificRecord payload = fixtures.decode(fixture);
        Optional<?> message = reader.map(payload);
        boolean current =
                reader.map(SampleMessages.of(payload.getClass()).get(0)).isPresent();
        assertThat(message.isPresent())
                .as("mapped as the current version's sample is")
                .isEqualTo(current);
        message.ifPresent(read -> {
            assertThat(reader.handled().test(read.getClass()))
                    .as("a handler for %s", read)
                    .isTrue();
            MessageCoverage.assertSameFields((Record) read, payload);
        });
    }
}
