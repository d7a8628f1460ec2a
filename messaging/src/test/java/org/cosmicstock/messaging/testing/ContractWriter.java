package org.cosmicstock.messaging.testing;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a service writes its own messages as the contract's, as {@link AvroMappingCoverageTests} checks it. Which
 * of {@code types} it writes, and which of them it acts on itself, is docs/CONTRACT.md's.
 *
 * @param sealed the sealed interface of the service's messages it writes (e.g. its domain {@code Event})
 * @param toAvro the service's mapper to the Avro form, as it runs
 * @param types the contract's types of what it writes (e.g. {@code MessageTypes.events()})
 * @param handled whether the service's bus has a handler for a message of {@code sealed} of this class
 */
public record ContractWriter(
        Class<?> sealed,
        Function<Object, SpecificRecord> toAvro,
        Collection<Class<? extends SpecificRecord>> types,
        Predicate<Class<?>> handled) {

    public ContractWriter {
        types = List.copyOf(types);
    }
}
