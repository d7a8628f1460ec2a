package org.cosmicstock.orders.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.orders.service.Handlers;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ReleasedFixtures;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The orders service reads what every released allocation-service sent: each golden event of the
 * contract (every version, both wire formats) is decoded by the codec it runs and mapped as the current
 * version's sample is, to a handled command with the same fields or to nothing.
 */
class ReleasedVersionsConsumedTest {

    private static ReleasedFixtures fixtures;

    private final MessageBus<OrdersUnitOfWork> bus = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

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
    void everyReleasedEventIsFollowedAsTheCurrentOneIs(ContractFixture fixture) {
        SpecificRecord payload = fixtures.decode(fixture);
        Optional<Object> command = AvroOrderMessages.toMessage(payload);
        boolean current = AvroOrderMessages.toMessage(
                        SampleMessages.of(payload.getClass()).get(0))
                .isPresent();
        assertThat(command.isPresent())
                .as("mapped as the current version's sample is")
                .isEqualTo(current);
        command.ifPresent(message -> {
            assertThat(bus.handlesCommand(message.getClass()))
                    .as("a handler for %s", message)
                    .isTrue();
            MessageCoverage.assertSameFields((Record) message, payload);
        });
    }
}
