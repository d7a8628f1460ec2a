package org.cosmicstock.orders.service;

import org.cosmicstock.messaging.testing.HandlersCoverageTests;
import org.cosmicstock.orders.domain.Command;

/**
 * Every command of the domain has a handler in {@link Handlers}, PlaceOrder (from HTTP) included. Java 17 cannot
 * check this (ADR 8): a new record under {@code Command} without a registration fails here, not at run time.
 * Which events have a handler is checked against docs/CONTRACT.md by {@code AvroMappingCoverageTest}.
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
