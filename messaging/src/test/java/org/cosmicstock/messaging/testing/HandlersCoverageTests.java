package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cosmicstock.messaging.bus.MessageBus;
import org.junit.jupiter.api.Test;

/**
 * A service's {@code Handlers.bus} against its sealed message types, because Java 17 checks no switch over a
 * sealed interface (ADR 8): every command has its handler; every event has a handler or is declared as having none
 * by design, not both. A service's test extends this with its bus and its declaration.
 */
public abstract class HandlersCoverageTests {

    private final MessageBus<?> bus;
    private final Class<?> command;
    private final Class<?> event;
    private final Set<Class<?>> eventsWithoutHandler;

    /**
     * @param command the service's sealed command interface
     * @param event the service's sealed event interface
     * @param eventsWithoutHandler the events nothing in the service acts on, by design
     */
    protected HandlersCoverageTests(
            MessageBus<?> bus, Class<?> command, Class<?> event, Set<Class<?>> eventsWithoutHandler) {
        this.bus = bus;
        this.command = command;
        this.event = event;
        this.eventsWithoutHandler = Set.copyOf(eventsWithoutHandler);
    }

    @Test
    void everyCommandHasItsHandler() {
        assertThat(MessageCoverage.permittedRecords(command))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(bus.handlesCommand(type))
                        .as("%s is registered in Handlers.bus", type.getSimpleName())
                        .isTrue());
    }

    @Test
    void everyEventHasAHandlerOrIsListedAsHavingNoneByDesign() {
        assertThat(MessageCoverage.permittedRecords(event))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(bus.handlesEvent(type))
                        .as(
                                "%s: a handler in Handlers.bus, or an entry in EVENTS_WITHOUT_HANDLER (not both)",
                                type.getSimpleName())
                        .isNotEqualTo(eventsWithoutHandler.contains(type)));
    }
}
