package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.allocation.service.Handlers;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ReleasedFixtures;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocation service reads what every released producer sent: each golden message of the contract
 * (every version, both wire formats) of a type it consumes is decoded by the codec it runs and mapped as
 * at run time: commands to a handled command with the same fields, its own events read back (ADR 5) as
 * the current samples are, to a handled event or to nothing.
 */
class ReleasedVersionsConsumedTest {

    private static ReleasedFixtures fixtures;

    private final MessageBus<AllocationUnitOfWork> bus = Handlers.bus(() -> {
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

    static List<ContractFixture> commands() {
        return ReleasedFixtures.of(MessageTypes.commands());
    }

    static List<ContractFixture> events() {
        return ReleasedFixtures.of(MessageTypes.events());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyReleasedCommandBecomesAHandledCommand(ContractFixture fixture) {
        SpecificRecord payload = fixtures.decode(fixture);
        Object command = AvroCommands.toMessage(payload).orElseThrow();
        assertThat(bus.handlesCommand(command.getClass()))
                .as("a handler for %s", command)
                .isTrue();
        MessageCoverage.assertSameFields((Record) command, payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyReleasedEventIsReadBackAsTheCurrentOneIs(ContractFixture fixture) {
        SpecificRecord payload = fixtures.decode(fixture);
        Optional<Object> message = AvroEvents.ownEventToMessage(payload);
        boolean current = AvroEvents.ownEventToMessage(
                        SampleMessages.of(payload.getClass()).get(0))
                .isPresent();
        assertThat(message.isPresent())
                .as("mapped as the current version's sample is")
                .isEqualTo(current);
        message.ifPresent(event -> {
            assertThat(bus.handlesEvent(event.getClass()))
                    .as("a handler for %s", event)
                    .isTrue();
            MessageCoverage.assertSameFields((Record) event, payload);
        });
    }
}
