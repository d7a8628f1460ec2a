package org.cosmicstock.allocation.service;

import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.messaging.testing.HandlersCoverageTests;

/**
 * Every command of the domain has a handler in {@link Handlers}. Java 17 cannot check this (ADR 8): a new record
 * under {@code Command} without a registration fails here, not as a dead letter at run time. Which events have a
 * handler is checked against docs/CONTRACT.md by {@code AvroMappingCoverageTest}.
 */
class HandlersCoverageTest extends HandlersCoverageTests {

    HandlersCoverageTest() {
        super(
                Handlers.bus(() -> {
                    throw new AssertionError("no message is handled here");
                }),
                Command.class);
    }
}
