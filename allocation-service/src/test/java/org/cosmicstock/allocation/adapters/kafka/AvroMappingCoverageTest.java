package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.allocation.service.Handlers;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractReader;
import org.cosmicstock.messaging.testing.ContractWriter;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.junit.jupiter.api.Test;

/**
 * allocation-service's mappers against the contract: it reads the commands and its own events back (ADR 5), and
 * writes the events. What it acts on and writes is docs/CONTRACT.md's payload table; Java 17 cannot check the
 * mappers' instanceof chains (ADR 8), so a forgotten branch fails here instead of dead-lettering at run time.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    private static final MessageBus<AllocationUnitOfWork> BUS = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    AvroMappingCoverageTest() {
        super(
                "allocation-service",
                List.of(
                        new ContractReader(
                                "commands", MessageTypes.commands(), AvroCommands::toMessage, BUS::handlesCommand),
                        new ContractReader(
                                "own events read back",
                                MessageTypes.events(),
                                AvroEvents::ownEventToMessage,
                                BUS::handlesEvent)),
                Command.class,
                Set.of(),
                Optional.of(new ContractWriter(
                        Event.class,
                        event -> AvroEvents.toAvro((Event) event),
                        MessageTypes.events(),
                        BUS::handlesEvent)));
    }

    @Test
    void everyOwnEventReadBackIsPublishedAgainAsItWasRead() {
        for (Class<? extends SpecificRecord> type : MessageTypes.events()) {
            for (SpecificRecord sample : samples(type)) {
                AvroEvents.ownEventToMessage(sample)
                        .ifPresent(event -> assertThat(AvroEvents.toAvro((Event) event))
                                .as("%s read back, then published again", sample)
                                .isEqualTo(sample));
            }
        }
    }
}
