package org.cosmicstock.stockview.adapters.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.testing.AvroMappingCoverageTests;
import org.cosmicstock.messaging.testing.ContractReader;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.OutOfStock;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.cosmicstock.stockview.domain.Event;

/**
 * Every event type of the contract ({@link MessageTypes}) through the view's Avro mapper, with the
 * samples of {@link SampleMessages}: each yields one of the view's events, or is declared here as
 * skipped by design. Java 17 cannot check the mapper's instanceof chain (ADR 8).
 * {@link ReleasedVersionsConsumedTest} reads every released version with the same declaration.
 */
class AvroMappingCoverageTest extends AvroMappingCoverageTests {

    /** Events that change no stock: counted as skipped, never projected. */
    private static final Set<Class<? extends SpecificRecord>> EVENTS_SKIPPED =
            Set.of(OutOfStock.class, AllocationRejected.class);

    /** What the view reads: allocation-service's events, projected straight (no bus). */
    static final List<ContractReader> READ = List.of(
            ContractReader.withoutBus("events", MessageTypes.events(), EVENTS_SKIPPED, AvroStockEvents::toDomain));

    /** Every event of the view comes from an event of the contract; the view writes none of the contract. */
    AvroMappingCoverageTest() {
        super(READ, Event.class, Set.of(), Optional.empty());
    }
}
