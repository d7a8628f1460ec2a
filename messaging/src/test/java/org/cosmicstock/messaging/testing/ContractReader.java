package org.cosmicstock.messaging.testing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a service reads one kind of the contract's messages, as {@link AvroMappingCoverageTests} checks it: the
 * contract's types it reads, its mapper from the Avro form to its own message, and whether it has a handler for
 * that message. Which of the types it acts on (maps) and which it skips (maps to nothing) is docs/CONTRACT.md's.
 *
 * @param what what the service reads, for the assertion messages (e.g. "commands", "own events read back")
 * @param types the contract's types of that kind (e.g. {@code MessageTypes.commands()})
 * @param toMessage the service's mapper from the Avro form, as it runs
 * @param handled whether the service's bus has a handler for a message of this class
 */
public record ContractReader(
        String what,
        List<Class<? extends SpecificRecord>> types,
        Function<SpecificRecord, ? extends Optional<?>> toMessage,
        Predicate<Class<?>> handled) {

    public ContractReader {
        types = List.copyOf(types);
    }

    /** A reader with no bus: what it maps is applied straight (the stock view's projection). */
    public static ContractReader withoutBus(
            String what,
            List<Class<? extends SpecificRecord>> types,
            Function<SpecificRecord, ? extends Optional<?>> toMessage) {
        return new ContractReader(what, types, toMessage, type -> true);
    }

    /** The sample, mapped as the service maps it at run time. */
    public Optional<?> map(SpecificRecord avro) {
        return toMessage.apply(avro);
    }
}
