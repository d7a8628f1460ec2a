package org.cosmicstock.stockview.adapters.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractReader;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.stockview.domain.Event;

/**
 * The view's mapper against the contract: every event docs/CONTRACT.md says the view acts on becomes one of the
 * view's events with the same fields, every other is skipped; every view event comes from one. Java 17 cannot
 * check the mapper's instanceof chain (ADR 8). The view writes none of the contract.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    AvroMappingCoverageTest() {
        super(
                "stock-view-service",
                List.of(ContractReader.withoutBus("events", MessageTypes.events(), AvroStockEvents::toDomain)),
                Event.class,
                Set.of(),
                Optional.empty());
    }
}
