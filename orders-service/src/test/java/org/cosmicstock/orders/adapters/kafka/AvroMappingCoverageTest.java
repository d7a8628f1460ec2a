package org.cosmicstock.orders.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;
import org.cosmicstock.orders.domain.PlaceOrder;
import org.cosmicstock.orders.service.Handlers;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.Test;

/**
 * Every message type of the contract ({@link MessageTypes}) through every Avro mapper of this
 * service, with the samples of {@link SampleMessages}: each yields a message a handler takes, or is
 * listed here as skipped by design. Java 17 cannot check the mappers' instanceof chains (ADR 8).
 */
class AvroMappingCoverageTest {

    /** Allocation events about stock rather than orders: the orders service follows none of them. */
    private static final Set<Class<? extends SpecificRecord>> EVENTS_SKIPPED =
            Set.of(BatchCreated.class, BatchQuantityChanged.class);

    /** Commands that do not come from an allocation event: PlaceOrder comes over HTTP. */
    private static final Set<Class<? extends Command>> COMMANDS_FROM_ELSEWHERE = Set.of(PlaceOrder.class);

    /** Commands of the contract other producers send (procurement); the orders service sends only Allocate. */
    private static final Set<Class<? extends SpecificRecord>> COMMANDS_SENT_ELSEWHERE =
            Set.of(CreateBatch.class, ChangeBatchQuantity.class);

    private final MessageBus<OrdersUnitOfWork> bus = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    @Test
    void everyEventOfTheContractBecomesAnOrderCommandWithAHandlerOrIsListedAsSkipped() {
        Set<Class<?>> produced = new HashSet<>();
        for (Class<? extends SpecificRecord> type : MessageTypes.events()) {
            for (SpecificRecord sample : samples(type)) {
                Optional<Object> command = AvroOrderMessages.toMessage(sample);
                if (EVENTS_SKIPPED.contains(type)) {
                    assertThat(command).as("%s is listed as skipped", sample).isEmpty();
                    continue;
                }
                assertThat(command)
                        .as("%s maps to a command, or is listed in EVENTS_SKIPPED", sample)
                        .isPresent();
                assertThat(command.get()).isInstanceOf(Command.class);
                assertThat(bus.handlesCommand(command.get().getClass()))
                        .as("a handler for %s", command.get())
                        .isTrue();
                MessageCoverage.assertSameFields((Record) command.get(), sample);
                produced.add(command.get().getClass());
            }
        }
        produced.addAll(COMMANDS_FROM_ELSEWHERE);
        assertThat(produced)
                .as("every command comes from an allocation event, or is listed in COMMANDS_FROM_ELSEWHERE")
                .containsExactlyInAnyOrderElementsOf(MessageCoverage.permittedRecords(Command.class));
    }

    @Test
    void everyDomainEventIsSentAsACommandOfTheContract() {
        List<Class<?>> sent = new ArrayList<>();
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(Event.class)) {
            Event event = (Event) MessageCoverage.sample(type);
            SpecificRecord avro = AvroOrderMessages.toAvro(event);
            assertThat(MessageTypes.commands())
                    .as("the contract command of %s", event)
                    .contains(avro.getClass());
            MessageCoverage.assertSameFields((Record) event, avro);
            sent.add(avro.getClass());
        }
        List<Class<?>> expected = new ArrayList<>(MessageTypes.commands());
        expected.removeAll(COMMANDS_SENT_ELSEWHERE);
        assertThat(sent)
                .as("each command of the contract is sent from here, or is listed in COMMANDS_SENT_ELSEWHERE")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new ArrayList<Class<?>>(AvroOrderMessages.SENT))
                .as("AvroOrderMessages.SENT, what start-up verifies and metrics count")
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    private static List<SpecificRecord> samples(Class<? extends SpecificRecord> type) {
        List<SpecificRecord> samples = SampleMessages.of(type);
        assertThat(samples)
                .as("samples of %s in SampleMessages", type.getSimpleName())
                .isNotEmpty();
        return samples;
    }
}
