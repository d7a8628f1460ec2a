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
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.OutOfStock;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.Test;

/**
 * Every message type of the contract ({@link MessageTypes}) through every Avro mapper of this
 * service, with the samples of {@link SampleMessages}: each yields a message a handler takes, or is
 * declared here as skipped by design. Java 17 cannot check the mappers' instanceof chains (ADR 8); a
 * forgotten branch fails here instead of dead-lettering at run time. {@link ReleasedVersionsConsumedTest}
 * reads every released version with the same declaration.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    /** Own events read back (ADR 5) that need nothing done: only a Deallocated is reallocated. */
    private static final Set<Class<? extends SpecificRecord>> OWN_EVENTS_SKIPPED = Set.of(
            BatchCreated.class,
            BatchQuantityChanged.class,
            Allocated.class,
            OutOfStock.class,
            AllocationRejected.class);

    /** Events of the contract another service publishes: none yet, allocation-service publishes them all. */
    private static final Set<Class<? extends SpecificRecord>> EVENTS_PUBLISHED_ELSEWHERE = Set.of();

    private static final MessageBus<AllocationUnitOfWork> BUS = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    /** What allocation-service reads: the contract's commands, and its own events read back. */
    static final List<ContractReader> READ = List.of(
            new ContractReader(
                    "commands", MessageTypes.commands(), Set.of(), AvroCommands::toMessage, BUS::handlesCommand),
            new ContractReader(
                    "own events read back",
                    MessageTypes.events(),
                    OWN_EVENTS_SKIPPED,
                    AvroEvents::ownEventToMessage,
                    BUS::handlesEvent));

    AvroMappingCoverageTest() {
        super(
                READ,
                Command.class,
                Set.of(),
                Optional.of(new ContractWriter(
                        Event.class,
                        event -> AvroEvents.toAvro((Event) event),
                        MessageTypes.events(),
                        EVENTS_PUBLISHED_ELSEWHERE)));
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
