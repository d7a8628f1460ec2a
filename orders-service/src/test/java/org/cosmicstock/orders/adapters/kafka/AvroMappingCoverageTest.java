package org.cosmicstock.orders.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractDeclaration;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;
import org.cosmicstock.orders.service.Handlers;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.junit.jupiter.api.Test;

/**
 * orders-service's mappers and bus against the contract: it reads allocation-service's events, each it acts on
 * followed as a command of its own, and writes Allocate; PlaceOrder comes over HTTP. What it acts on and writes
 * is each schema's actedOnBy and writtenBy; Java 17 cannot check the mappers' instanceof chains or the bus's
 * registrations (ADR 8).
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    AvroMappingCoverageTest() {
        super(ContractDeclaration.of("orders-service", Command.class)
                .reads("allocation events", MessageTypes.events(), AvroOrderMessages::toMessage)
                .madeElsewhere(Command.PlaceOrder.class)
                .writes(Event.class, event -> AvroOrderMessages.toAvro((Event) event), MessageTypes.commands())
                .handledBy(Handlers.bus(() -> {
                    throw new AssertionError("no message is handled here");
                })));
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
