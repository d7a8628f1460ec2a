package org.cosmicstock.orders.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractReader;
import org.cosmicstock.messaging.testing.ContractWriter;
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
 * declared here as skipped by design. Java 17 cannot check the mappers' instanceof chains (ADR 8).
 * {@link ReleasedVersionsConsumedTest} reads every released version with the same declaration.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    /** Allocation events about stock rather than orders: the orders service follows none of them. */
    private static final Set<Class<? extends SpecificRecord>> EVENTS_SKIPPED =
            Set.of(BatchCreated.class, BatchQuantityChanged.class);

    /** Commands that do not come from an allocation event: PlaceOrder comes over HTTP. */
    private static final Set<Class<?>> COMMANDS_FROM_ELSEWHERE = Set.of(PlaceOrder.class);

    /** Commands of the contract other producers send (procurement); the orders service sends only Allocate. */
    private static final Set<Class<? extends SpecificRecord>> COMMANDS_SENT_ELSEWHERE =
            Set.of(CreateBatch.class, ChangeBatchQuantity.class);

    private static final MessageBus<OrdersUnitOfWork> BUS = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    /** What orders-service reads: allocation-service's events, each followed as a command of its own. */
    static final List<ContractReader> READ = List.of(new ContractReader(
            "allocation events",
            MessageTypes.events(),
            EVENTS_SKIPPED,
            AvroOrderMessages::toMessage,
            BUS::handlesCommand));

    AvroMappingCoverageTest() {
        super(
                READ,
                Command.class,
                COMMANDS_FROM_ELSEWHERE,
                Optional.of(new ContractWriter(
                        Event.class,
                        event -> AvroOrderMessages.toAvro((Event) event),
                        MessageTypes.commands(),
                        COMMANDS_SENT_ELSEWHERE)));
    }

    @Test
    void sentIsWhatStartUpVerifiesAndMetricsCount() {
        List<Class<?>> sent = new ArrayList<>();
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(Event.class)) {
            sent.add(AvroOrderMessages.toAvro((Event) MessageCoverage.sample(type))
                    .getClass());
        }
        assertThat(new ArrayList<Class<?>>(AvroOrderMessages.SENT))
                .as("AvroOrderMessages.SENT, what start-up verifies and metrics count")
                .containsExactlyInAnyOrderElementsOf(sent);
    }
}
