package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ReleasedFixtures;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.cosmicstock.stockview.domain.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stock view reads what every released allocation-service sent: each golden event of the contract
 * (every version, both wire formats) is decoded by the codec it runs and projected as the current
 * version's sample is, to one of the view's events with the same fields or to nothing.
 */
class ReleasedVersionsConsumedTest {

    private static ReleasedFixtures fixtures;

    @BeforeAll
    static void registry() {
        fixtures = ReleasedFixtures.start();
    }

    @AfterAll
    static void stop() {
        fixtures.close();
    }

    static List<ContractFixture> events() {
        return ReleasedFixtures.of(MessageTypes.events());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyReleasedEventIsProjectedAsTheCurrentOneIs(ContractFixture fixture) {
        SpecificRecord payload = fixtures.decode(fixture);
        Optional<Event> event = AvroStockEvents.toDomain(payload);
        boolean current = AvroStockEvents.toDomain(
                        SampleMessages.of(payload.getClass()).get(0))
                .isPresent();
        assertThat(event.isPresent())
                .as("projected as the current version's sample is")
                .isEqualTo(current);
        event.ifPresent(projected -> MessageCoverage.assertSameFields((Record) projected, payload));
    }
}
