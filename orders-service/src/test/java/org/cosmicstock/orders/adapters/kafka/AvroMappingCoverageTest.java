package org.cosmicstock.orders.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.junit.jupiter.api.Test;

/**
 * orders-service's mappers against the contract: it reads allocation-service's events, each it acts on followed
 * as a command of its own, and writes Allocate. What it acts on and writes is docs/CONTRACT.md's payload table;
 * Java 17 cannot check the mappers' instanceof chains (ADR 8).
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    private static final MessageBus<OrdersUnitOfWork> BUS = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    /** PlaceOrder comes over HTTP; every other command from an allocation event. */
    AvroMappingCoverageTest() {
        super(
                "orders-service",
                List.of(new ContractReader(
                        "allocation events", MessageTypes.events(), AvroOrderMessages::toMessage, BUS::handlesCommand)),
                Command.class,
                Set.of(PlaceOrder.class),
                Optional.of(new ContractWriter(
                        Event.class,
                        event -> AvroOrderMessages.toAvro((Event) event),
                        MessageTypes.commands(),
                        BUS::handlesEvent)));
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
