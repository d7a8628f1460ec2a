package org.cosmicstock.messaging.testing;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a service writes its own messages as the contract's ({@link ContractDeclaration#writes}).
 *
 * @param sealed the sealed interface of the service's messages it writes (e.g. its domain {@code Event})
 * @param toAvro the service's mapper to the Avro form, as it runs
 * @param types the contract's types of what it writes (e.g. {@code MessageTypes.events()})
 */
public record ContractWriter(
        Class<?> sealed, Function<Object, SpecificRecord> toAvro, Collection<Class<? extends SpecificRecord>> types) {

    public ContractWriter {
        types = List.copyOf(types);
    }
}
