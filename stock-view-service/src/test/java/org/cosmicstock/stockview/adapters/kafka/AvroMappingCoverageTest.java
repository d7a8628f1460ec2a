package org.cosmicstock.stockview.adapters.kafka;

import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractDeclaration;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.stockview.domain.Event;

/**
 * The view's mapper against the contract: every event whose schema says the view acts on it becomes one of the
 * view's events with the same fields, every other is skipped; every view event comes from one. Java 17 cannot
 * check the mapper's instanceof chain (ADR 8). The view writes none of the contract and has no bus: what it maps
 * is projected straight.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    AvroMappingCoverageTest() {
        super(ContractDeclaration.of("stock-view-service", Event.class)
                .reads("events", MessageTypes.events(), AvroStockEvents::toDomain));
    }
}
