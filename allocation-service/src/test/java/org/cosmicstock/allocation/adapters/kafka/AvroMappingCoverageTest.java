package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.allocation.service.Handlers;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.MessageCoverage;
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
 * listed here as skipped by design. Java 17 cannot check the mappers' instanceof chains (ADR 8); a
 * forgotten branch fails here instead of dead-lettering at run time.
 */
class AvroMappingCoverageTest {

    /** Own events read back (ADR 5) that need nothing done: only a Deallocated is reallocated. */
    private static final Set<Class<? extends SpecificRecord>> OWN_EVENTS_SKIPPED = Set.of(
            BatchCreated.class,
            BatchQuantityChanged.class,
            Allocated.class,
            OutOfStock.class,
            AllocationRejected.class);

    /** Events of the contract another service publishes: none yet, allocation-service publishes them all. */
    private static final Set<Class<? extends SpecificRecord>> EVENTS_PUBLISHED_ELSEWHERE = Set.of();

    private final MessageBus<AllocationUnitOfWork> bus = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    @Test
    void everyCommandOfTheContractBecomesADomainCommandWithAHandler() {
        Set<Class<?>> produced = new HashSet<>();
        for (Class<? extends SpecificRecord> type : MessageTypes.commands()) {
            for (SpecificRecord sample : samples(type)) {
                Object command = AvroCommands.toMessage(sample).orElseThrow();
                assertThat(command).isInstanceOf(Command.class);
                assertThat(bus.handlesCommand(command.getClass()))
                        .as("a handler for %s", command)
                        .isTrue();
                MessageCoverage.assertSameFields((Record) command, sample);
                produced.add(command.getClass());
            }
        }
        assertThat(produced)
                .as("every domain command comes from a command of the contract")
                .containsExactlyInAnyOrderElementsOf(MessageCoverage.permittedRecords(Command.class));
    }

    @Test
    void everyDomainEventIsPublishedAsItsContractEvent() {
        List<Class<?>> published = new ArrayList<>();
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(Event.class)) {
            Event event = (Event) MessageCoverage.sample(type);
            SpecificRecord avro = AvroEvents.toAvro(event);
            assertThat(MessageTypes.events())
                    .as("the contract event of %s", event)
                    .contains(avro.getClass());
            MessageCoverage.assertSameFields((Record) event, avro);
            published.add(avro.getClass());
        }
        List<Class<?>> expected = new ArrayList<>(MessageTypes.events());
        expected.removeAll(EVENTS_PUBLISHED_ELSEWHERE);
        assertThat(published)
                .as("each event of the contract has its domain event here, or is listed as published elsewhere")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyOwnEventReadBackReachesAHandlerOrIsListedAsSkipped() {
        for (Class<? extends SpecificRecord> type : MessageTypes.events()) {
            for (SpecificRecord sample : samples(type)) {
                Optional<Object> message = AvroEvents.ownEventToMessage(sample);
                if (OWN_EVENTS_SKIPPED.contains(type)) {
                    assertThat(message).as("%s is listed as skipped", sample).isEmpty();
                    continue;
                }
                assertThat(message)
                        .as("%s maps to a domain event, or is listed in OWN_EVENTS_SKIPPED", sample)
                        .isPresent();
                assertThat(bus.handlesEvent(message.get().getClass()))
                        .as("a handler for %s", message.get())
                        .isTrue();
                MessageCoverage.assertSameFields((Record) message.get(), sample);
                assertThat(AvroEvents.toAvro((Event) message.get()))
                        .as("read back, then published again")
                        .isEqualTo(sample);
            }
        }
    }

    private static List<SpecificRecord> samples(Class<? extends SpecificRecord> type) {
        List<SpecificRecord> samples = SampleMessages.of(type);
        assertThat(samples)
                .as("samples of %s in SampleMessages", type.getSimpleName())
                .isNotEmpty();
        return samples;
    }
}
