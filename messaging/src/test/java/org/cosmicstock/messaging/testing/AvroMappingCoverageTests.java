package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.testing.ContractFixture;
import org.cosmicstock.schemas.testing.ContractRoles;
import org.cosmicstock.schemas.testing.ReleasedFixtures;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's mappers between the contract's Avro messages and its own sealed message types, walked both ways,
 * because Java 17 checks no switch over a sealed interface (ADR 8). Which types the service acts on and which it
 * writes is not declared here but in each type's schema, its {@code writtenBy} and {@code actedOnBy}
 * ({@link ContractRoles}; the payload table of docs/CONTRACT.md is generated from them), so a new type that a
 * service only skips needs nothing in that service:
 *
 * <ul>
 *   <li>every sample of every contract type it reads maps to a handled message with the same fields if the
 *       contract says the service acts on it, and to nothing otherwise;
 *   <li>every golden message of every released version (both wire formats) is read as the current version's
 *       sample is (what used to be each service's {@code ReleasedVersionsConsumedTest});
 *   <li>every message of its own it must make comes from one it reads (or is declared made elsewhere);
 *   <li>every message it writes becomes its contract type with the same fields; together they are the types the
 *       contract says it writes; it handles one of them itself exactly when the contract says it acts on it;
 *   <li>with a bus, every one of its own messages (its commands) has a handler (ADR 8).
 * </ul>
 *
 * A service's test extends this with its {@link ContractDeclaration}: its name, its mappers and its bus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AvroMappingCoverageTests {

    private final String service;
    private final List<ContractReader> readers;
    private final ContractDeclaration declared;
    private ReleasedFixtures fixtures;

    protected AvroMappingCoverageTests(ContractDeclaration declared) {
        this.declared = declared;
        this.service = declared.service;
        this.readers = List.copyOf(declared.readers);
    }

    @BeforeAll
    void registry() {
        fixtures = ReleasedFixtures.start();
    }

    @AfterAll
    void stop() {
        fixtures.close();
    }

    @Test
    void theContractNamesThisService() {
        assertThat(MessageTypes.all())
                .as("types whose schema names %s in actedOnBy or writtenBy", service)
                .anyMatch(type -> ContractRoles.actsOn(service, type) || ContractRoles.writes(service, type));
    }

    @Test
    void everyMessageReadMapsToAHandledMessageWithTheSameFieldsExactlyWhenTheServiceActsOnIt() {
        Set<Class<?>> produced = new HashSet<>();
        for (ContractReader reader : readers) {
            for (Class<? extends SpecificRecord> type : reader.types()) {
                for (SpecificRecord sample : samples(type)) {
                    Optional<?> message = reader.map(sample);
                    if (!ContractRoles.actsOn(service, type)) {
                        assertThat(message)
                                .as(
                                        "%s among the %s: its schema does not name %s in actedOnBy",
                                        sample, reader.what(), service)
                                .isEmpty();
                        continue;
                    }
                    assertThat(message)
                            .as(
                                    "%s among the %s maps to a message: its schema names %s in actedOnBy",
                                    sample, reader.what(), service)
                            .isPresent();
                    assertThat(declared.handled(message.get().getClass()))
                            .as("a handler for %s", message.get())
                            .isTrue();
                    MessageCoverage.assertSameFields((Record) message.get(), sample);
                    produced.add(message.get().getClass());
                }
            }
        }
        Class<?> sealed = declared.ownMessages;
        List<Class<?>> expected = new ArrayList<>(MessageCoverage.permittedRecords(sealed));
        expected.removeAll(declared.madeElsewhere);
        assertThat(produced.stream().filter(sealed::isAssignableFrom))
                .as("every %s comes from a message read, or is declared made elsewhere", sealed.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    Stream<Arguments> released() {
        return readers.stream()
                .flatMap(reader ->
                        ReleasedFixtures.of(reader.types()).stream().map(fixture -> Arguments.of(fixture, reader)));
    }

    /** A service reads what every released producer sent, with the codec it runs and its mapper as at run time. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void everyReleasedMessageIsReadAsTheCurrentVersionsSampleIs(ContractFixture fixture, ContractReader reader) {
        SpecificRecord payload = fixtures.decode(fixture);
        Optional<?> message = reader.map(payload);
        boolean current =
                reader.map(SampleMessages.of(payload.getClass()).get(0)).isPresent();
        assertThat(message.isPresent())
                .as("mapped as the current version's sample is")
                .isEqualTo(current);
        message.ifPresent(read -> {
            assertThat(declared.handled(read.getClass()))
                    .as("a handler for %s", read)
                    .isTrue();
            MessageCoverage.assertSameFields((Record) read, payload);
        });
    }

    @Test
    void everyMessageWrittenIsItsContractTypeWithTheSameFields() {
        assumeTrue(declared.writer.isPresent(), "the service writes no message of the contract");
        ContractWriter writer = declared.writer.get();
        List<Class<?>> written = new ArrayList<>();
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(writer.sealed())) {
            Record message = MessageCoverage.sample(type);
            SpecificRecord avro = writer.toAvro().apply(message);
            assertThat(writer.types()).as("the contract type of %s", message).contains(avro.getClass());
            MessageCoverage.assertSameFields(message, avro);
            written.add(avro.getClass());
        }
        List<Class<?>> expected = writer.types().stream()
                .filter(type -> ContractRoles.writes(service, type))
                .<Class<?>>map(type -> type)
                .toList();
        assertThat(written)
                .as("the types whose schema names %s in writtenBy, each written from one message of its own", service)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyMessageWrittenIsHandledHereExactlyWhenTheServiceActsOnIt() {
        assumeTrue(declared.writer.isPresent(), "the service writes no message of the contract");
        ContractWriter writer = declared.writer.get();
        MessageBus<?> bus = declared.bus.orElseThrow(() -> new AssertionError("a service that writes has a bus"));
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(writer.sealed())) {
            Class<? extends SpecificRecord> avro =
                    writer.toAvro().apply(MessageCoverage.sample(type)).getClass();
            assertThat(bus.handlesEvent(type))
                    .as(
                            "%s has a handler in Handlers.bus exactly when the schema of %3$s names %2$s in actedOnBy",
                            type.getSimpleName(), service, avro.getSimpleName())
                    .isEqualTo(ContractRoles.actsOn(service, avro));
        }
    }

    @Test
    void everyCommandHasItsHandler() {
        assumeTrue(declared.bus.isPresent(), "what the service reads is applied straight, not through a bus");
        MessageBus<?> bus = declared.bus.get();
        assertThat(MessageCoverage.permittedRecords(declared.ownMessages))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(bus.handlesCommand(type))
                        .as("%s is registered in Handlers.bus", type.getSimpleName())
                        .isTrue());
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
