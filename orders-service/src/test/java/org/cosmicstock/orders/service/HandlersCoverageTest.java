package org.cosmicstock.orders.service;

import java.util.Set;
import org.cosmicstock.messaging.testing.HandlersCoverageTests;
import org.cosmicstock.orders.domain.AllocationRequested;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;

/**
 * Every command and event of the domain has a handler in {@link Handlers}, or is listed here as having
 * none by design. Java 17 cannot check this (ADR 8): a new record under {@code Command} or {@code
 * Event} without a registration fails here, not at run time.
 */
class HandlersCoverageTest extends HandlersCoverageTests {

    /** Sent on to the allocation service (as Allocate); nothing here acts on it. */
    private static final Set<Class<?>> EVENTS_WITHOUT_HANDLER = Set.of(AllocationRequested.class);

    HandlersCoverageTest() {
        super(
                Handlers.bus(() -> {
                    throw new AssertionError("no message is handled here");
                }),
                Command.class,
                Event.class,
                EVENTS_WITHOUT_HANDLER);
    }
}
