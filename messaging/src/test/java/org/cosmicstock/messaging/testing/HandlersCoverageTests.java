package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.cosmicstock.messaging.bus.MessageBus;
import org.junit.jupiter.api.Test;

/**
 * A service's {@code Handlers.bus} against its sealed command type, because Java 17 checks no switch over a
 * sealed interface (ADR 8): every command has its handler, those that come from elsewhere than the contract
 * (HTTP) included. Which events have a handler is checked against docs/CONTRACT.md by {@link
 * AvroMappingCoverageTests}. A service's test extends this with its bus.
 */
public abstract class HandlersCoverageTests {

    private final MessageBus<?> bus;
    private final Class<?> command;

    /** @param command the service's sealed command interface */
    protected HandlersCoverageTests(MessageBus<?> bus, Class<?> command) {
        this.bus = bus;
        this.command = command;
    }

    @Test
    void everyCommandHasItsHandler() {
        assertThat(MessageCoverage.permittedRecords(command))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(bus.handlesCommand(type))
                        .as("%s is registered in Handlers.bus", type.getSimpleName())
                        .isTrue());
    }
}
