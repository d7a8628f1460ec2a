package org.cosmicstock.messaging.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a service reads one kind of the contract's messages, as its coverage tests ({@link AvroMappingCoverageTests},
 * {@link ReleasedVersionsConsumedTests}) check it: the contract's types it reads, those it skips, its mapper from
 * the Avro form to its own message, and whether it has a handler for that message.
 *
 * @param what what the service reads, for the assertion messages (e.g. "commands", "own events read back")
 * @param types the contract's types of that kind (e.g. {@code MessageTypes.commands()})
 * @param skipped those of {@code types} that the mapper must map to nothing
 * @param toMessage the service's mapper from the Avro form, as it runs
 * @param handled whether the service's bus has a handler for a message of this class
 */
public record ContractReader(
        String what,
        List<Class<? extends SpecificRecord>> types,
        Set<Class<? extends SpecificRecord>> skipped,
        Function<SpecificRecord, ? extends Optional<?>> toMessage,
        Predicate<Class<?>> handled) {

    public ContractReader {
        types = List.copyOf(types);
        skipped = Set.copyOf(skipped);
    }

    /** A reader with no bus: what it maps is applied straight (the stock view's projection). */
    public static ContractReader withoutBus(
            String what,
            List<Class<? extends SpecificRecord>> types,
            Set<Class<? extends SpecificRecord>> skipped,
            Function<SpecificRecord, ? extends Optional<?>> toMessage) {
        return new ContractReader(what, types, skipped, toMessage, type -> true);
    }

    /** The sample, mapped as the service maps it at run time. */
    public Optional<?> map(SpecificRecord avro) {
        return toMessage.apply(avro);
    }
}
