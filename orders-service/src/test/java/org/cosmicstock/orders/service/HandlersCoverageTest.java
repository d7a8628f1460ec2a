package org.cosmicstock.orders.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.orders.domain.AllocationRequested;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;
import org.junit.jupiter.api.Test;

/**
 * Every command and event of the domain has a handler in {@link Handlers}, or is listed here as having
 * none by design. Java 17 cannot check this (ADR 8): a new record under {@code Command} or {@code
 * Event} without a registration fails here, not at run time.
 */
class HandlersCoverageTest {

    /** Sent on to the allocation service (as Allocate); nothing here acts on it. */
    private static final Set<Class<? extends Event>> EVENTS_WITHOUT_HANDLER = Set.of(AllocationRequested.class);

    private final MessageBus<OrdersUnitOfWork> bus = Handlers.bus(() -> {
        throw new AssertionError("no message is handled here");
    });

    @Test
    void everyCommandHasItsHandler() {
        assertThat(MessageCoverage.permittedRecords(Command.class))
                .isNotEmpty()
                .allSatisfy(command -> assertThat(bus.handlesCommand(command))
                        .as("%s is registered in Handlers.bus", command.getSimpleName())
                        .isTrue());
    }

    @Test
    void everyEventHasAHandlerOrIsListedAsHavingNoneByDesign() {
        assertThat(MessageCoverage.permittedRecords(Event.class))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(bus.handlesEvent(event))
                        .as(
                                "%s: a handler in Handlers.bus, or an entry in EVENTS_WITHOUT_HANDLER (not both)",
                                event.getSimpleName())
                        .isNotEqualTo(EVENTS_WITHOUT_HANDLER.contains(event)));
    }
}
