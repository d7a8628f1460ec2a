package org.cosmicstock.messaging.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageBus;

/**
 * What a service's {@link AvroMappingCoverageTests} walks: its mappers from and to the contract's messages, and
 * its bus. Which types it acts on and writes is not declared here but in each type's schema (ContractRoles).
 */
public final class ContractDeclaration {

    final String service;
    final Class<?> ownMessages;
    final List<ContractReader> readers = new ArrayList<>();
    final Set<Class<?>> madeElsewhere = new HashSet<>();
    Optional<ContractWriter> writer = Optional.empty();
    Optional<MessageBus<?>> bus = Optional.empty();

    private ContractDeclaration(String service, Class<?> ownMessages) {
        this.service = service;
        this.ownMessages = ownMessages;
    }

    /**
     * @param service the service's name as the schemas' actedOnBy and writtenBy write it, e.g. {@code "orders-service"}
     * @param ownMessages the sealed interface each permitted record of which must come from a message read (its
     *     {@code Command}, or the stock view's {@code Event}), and, with a bus, must have a handler
     */
    public static ContractDeclaration of(String service, Class<?> ownMessages) {
        return new ContractDeclaration(service, ownMessages);
    }

    /**
     * The service reads {@code types} (e.g. {@code MessageTypes.events()}) with this mapper, as it runs.
     *
     * @param what for the assertion messages, e.g. "own events read back"
     */
    public ContractDeclaration reads(
            String what,
            List<Class<? extends SpecificRecord>> types,
            Function<SpecificRecord, ? extends Optional<?>> toMessage) {
        readers.add(new ContractReader(what, types, toMessage));
        return this;
    }

    /** Records of {@code ownMessages} that come from elsewhere than a message read (e.g. HTTP). */
    public ContractDeclaration madeElsewhere(Class<?>... types) {
        madeElsewhere.addAll(List.of(types));
        return this;
    }

    /**
     * The service writes the records under {@code sealed} (e.g. its domain {@code Event}) as some of {@code types}
     * with this mapper, as it runs.
     */
    public ContractDeclaration writes(
            Class<?> sealed,
            Function<Object, SpecificRecord> toAvro,
            Collection<Class<? extends SpecificRecord>> types) {
        writer = Optional.of(new ContractWriter(sealed, toAvro, types));
        return this;
    }

    /** The bus whose handlers take what the service reads; without one, what it maps is applied straight. */
    public ContractDeclaration handledBy(MessageBus<?> bus) {
        this.bus = Optional.of(bus);
        return this;
    }

    boolean handled(Class<?> message) {
        return bus.map(b -> b.handlesCommand(message) || b.handlesEvent(message))
                .orElse(true);
    }
}
