package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.service.Handlers;
import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractDeclaration;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.junit.jupiter.api.Test;

/**
 * allocation-service's mappers and bus against the contract: it reads the commands and its own events back
 * (ADR 5), and writes the events. What it acts on and writes is each schema's actedOnBy and writtenBy. The commands
 * and events are mapped by name ({@code RecordsByName}): a record without the Avro class of its name, or a field on
 * one side without its namesake on the other, stops {@code AvroCommands} or {@code AvroEvents} from loading, and
 * each test here that maps fails naming both. Java 17 cannot check the bus's registrations nor the read-back branch of
 * {@code ownEventToMessage} (ADR 8), so a forgotten handler or branch fails here instead of dead-lettering at run
 * time.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    AvroMappingCoverageTest() {
        super(ContractDeclaration.of("allocation-service", Command.class)
                .reads("commands", MessageTypes.commands(), AvroCommands::toMessage)
                .reads("own events read back", MessageTypes.events(), AvroEvents::ownEventToMessage)
                .writes(Event.class, event -> AvroEvents.toAvro((Event) event), MessageTypes.events())
                .handledBy(Handlers.bus(() -> {
                    throw new AssertionError("no message is handled here");
                })));
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
