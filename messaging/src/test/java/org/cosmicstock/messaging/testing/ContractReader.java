package org.cosmicstock.messaging.testing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a service reads one kind of the contract's messages ({@link ContractDeclaration#reads}).
 *
 * @param what what the service reads, for the assertion messages (e.g. "commands", "own events read back")
 * @param types the contract's types of that kind (e.g. {@code MessageTypes.commands()})
 * @param toMessage the service's mapper from the Avro form, as it runs
 */
public record ContractReader(
        String what,
        List<Class<? extends SpecificRecord>> types,
        Function<SpecificRecord, ? extends Optional<?>> toMessage) {

    public ContractReader {
        types = List.copyOf(types);
    }

    /** The sample, mapped as the service maps it at run time. */
    public Optional<?> map(SpecificRecord avro) {
        return toMessage.apply(avro);
    }

    @Override
    public String toString() {
        return what;
    }
}
