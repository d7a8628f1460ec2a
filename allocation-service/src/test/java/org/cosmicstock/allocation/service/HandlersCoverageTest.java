package org.cosmicstock.allocation.service;

import java.util.Set;
import org.cosmicstock.allocation.domain.Allocated;
import org.cosmicstock.allocation.domain.AllocationRejected;
import org.cosmicstock.allocation.domain.BatchCreated;
import org.cosmicstock.allocation.domain.BatchQuantityChanged;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.OutOfStock;
import org.cosmicstock.messaging.testing.HandlersCoverageTests;

/**
 * Every command and event of the domain has a handler in {@link Handlers}, or is listed here as having
 * none by design. Java 17 cannot check this (ADR 8): a new record under {@code Command} or {@code
 * Event} without a registration fails here, not as a dead letter at run time.
 */
class HandlersCoverageTest extends HandlersCoverageTests {

    /** Events this service publishes for others (orders, stock view) and does not act on itself. */
    private static final Set<Class<?>> EVENTS_WITHOUT_HANDLER = Set.of(
            BatchCreated.class,
            BatchQuantityChanged.class,
            Allocated.class,
            OutOfStock.class,
            AllocationRejected.class);

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
