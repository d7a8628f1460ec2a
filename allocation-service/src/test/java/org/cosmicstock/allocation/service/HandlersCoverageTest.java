package org.cosmicstock.allocation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cosmicstock.allocation.domain.Allocated;
import org.cosmicstock.allocation.domain.AllocationRejected;
import org.cosmicstock.allocation.domain.BatchCreated;
import org.cosmicstock.allocation.domain.BatchQuantityChanged;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.OutOfStock;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.junit.jupiter.api.Test;

/**
 * Every command and event of the domain has a handler in {@link Handlers}, or is listed here as having
 * none by design. Java 17 cannot check this (ADR 8): a new record under {@code Command} or {@code
 * Event} without a registration fails here, not as a dead letter at run time.
 */
class HandlersCoverageTest {

    /** Events this service publishes for others (orders, stock view) and does not act on itself. */
    private static final Set<Class<? extends Event>> EVENTS_WITHOUT_HANDLER = Set.of(
            BatchCreated.class,
            BatchQuantityChanged.class,
            Allocated.class,
            OutOfStock.class,
            AllocationRejected.class);

    private final MessageBus<AllocationUnitOfWork> bus = Handlers.bus(() -> {
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
