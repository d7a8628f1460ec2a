package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.OutOfStock;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.cosmicstock.stockview.domain.Event;
import org.junit.jupiter.api.Test;

/**
 * Every event type of the contract ({@link MessageTypes}) through the view's Avro mapper, with the
 * samples of {@link SampleMessages}: each yields one of the view's events, or is listed here as
 * skipped by design. Java 17 cannot check the mapper's instanceof chain (ADR 8).
 */
class AvroMappingCoverageTest {

    /** Events that change no stock: counted as skipped, never projected. */
    private static final Set<Class<? extends SpecificRecord>> EVENTS_SKIPPED =
            Set.of(OutOfStock.class, AllocationRejected.class);

    @Test
    void everyEventOfTheContractBecomesAnEventOfTheViewOrIsListedAsSkipped() {
        Set<Class<?>> produced = new HashSet<>();
        for (Class<? extends SpecificRecord> type : MessageTypes.events()) {
            List<SpecificRecord> samples = SampleMessages.of(type);
            assertThat(samples)
                    .as("samples of %s in SampleMessages", type.getSimpleName())
                    .isNotEmpty();
            for (SpecificRecord sample : samples) {
                Optional<Event> event = AvroStockEvents.toDomain(sample);
                if (EVENTS_SKIPPED.contains(type)) {
                    assertThat(event).as("%s is listed as skipped", sample).isEmpty();
                    continue;
                }
                assertThat(event)
                        .as("%s maps to an event of the view, or is listed in EVENTS_SKIPPED", sample)
                        .isPresent();
                MessageCoverage.assertSameFields((Record) event.get(), sample);
                produced.add(event.get().getClass());
            }
        }
        assertThat(produced)
                .as("every event of the view comes from an event of the contract")
                .containsExactlyInAnyOrderElementsOf(MessageCoverage.permittedRecords(Event.class));
    }
}
