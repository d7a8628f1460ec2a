package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.Test;

/**
 * A service's mappers between the contract's Avro messages and its own sealed message types, walked both ways,
 * because Java 17 checks no switch over a sealed interface (ADR 8): every sample of every contract type it reads
 * maps to a handled message with the same fields or is declared skipped; every message of its own it must make
 * comes from one it reads (or is declared made elsewhere); every message it writes becomes its contract type
 * with the same fields, and together they are the contract's types it does not leave to others. A service's
 * test extends this with its declaration.
 */
public abstract class AvroMappingCoverageTests {

    private final List<ContractReader> readers;
    private final Class<?> producedFromReading;
    private final Set<Class<?>> producedElsewhere;
    private final Optional<ContractWriter> writer;

    /**
     * @param readers what the service reads
     * @param producedFromReading the sealed interface each permitted record of which must come from a message read
     * @param producedElsewhere records of {@code producedFromReading} that come from elsewhere (e.g. HTTP)
     * @param writer what the service writes as the contract's messages; empty when it writes none
     */
    protected AvroMappingCoverageTests(
            List<ContractReader> readers,
            Class<?> producedFromReading,
            Set<Class<?>> producedElsewhere,
            Optional<ContractWriter> writer) {
        this.readers = List.copyOf(readers);
        this.producedFromReading = producedFromReading;
        this.producedElsewhere = Set.copyOf(producedElsewhere);
        this.writer = writer;
    }

    @Test
    void everyMessageReadMapsToAHandledMessageWithTheSameFieldsOrIsDeclaredSkipped() {
        Set<Class<?>> produced = new HashSet<>();
        for (ContractReader reader : readers) {
            for (Class<? extends SpecificRecord> type : reader.types()) {
                for (SpecificRecord sample : samples(type)) {
                    Optional<?> message = reader.map(sample);
                    if (reader.skipped().contains(type)) {
                        assertThat(message)
                                .as("%s is declared skipped among the %s", sample, reader.what())
                                .isEmpty();
                        continue;
                    }
                    assertThat(message)
                            .as("%s maps to a message, or is declared skipped among the %s", sample, reader.what())
                            .isPresent();
                    assertThat(reader.handled().test(message.get().getClass()))
                            .as("a handler for %s", message.get())
                            .isTrue();
                    MessageCoverage.assertSameFields((Record) message.get(), sample);
                    produced.add(message.get().getClass());
                }
            }
        }
        Class<?> sealed = producedFromReading;
        List<Class<?>> expected = new ArrayList<>(MessageCoverage.permittedRecords(sealed));
        expected.removeAll(producedElsewhere);
        assertThat(produced.stream().filter(sealed::isAssignableFrom))
                .as("every %s comes from a message read, or is declared made elsewhere", sealed.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyMessageWrittenIsItsContractTypeWithTheSameFields() {
        assumeTrue(writer.isPresent(), "the service writes no message of the contract");
        ContractWriter writer = this.writer.get();
        List<Class<?>> written = new ArrayList<>();
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(writer.sealed())) {
            Record message = MessageCoverage.sample(type);
            SpecificRecord avro = writer.toAvro().apply(message);
            assertThat(writer.types()).as("the contract type of %s", message).contains(avro.getClass());
            MessageCoverage.assertSameFields(message, avro);
            written.add(avro.getClass());
        }
        List<Class<?>> expected = new ArrayList<>(writer.types());
        expected.removeAll(writer.writtenElsewhere());
        assertThat(written)
                .as("each of the contract's types is written here, or is declared written elsewhere")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The samples of {@code type}, of which there must be at least one. */
    protected static List<SpecificRecord> samples(Class<? extends SpecificRecord> type) {
        List<SpecificRecord> samples = SampleMessages.of(type);
        assertThat(samples)
                .as("samples of %s in SampleMessages", type.getSimpleName())
                .isNotEmpty();
        return samples;
    }
}
