package org.cosmicstock.schemas.codec;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one list of the contract's message types ({@link MessageType#ALL}), as the services need it:
 * the commands (for {@code allocation.commands}) and the events (for {@code allocation.events}), by
 * class or by the simple name metrics use. Metrics, start-up checks and the contract tests derive
 * from it, so a new type is declared once.
 */
public final class MessageTypes {

    private static final String COMMANDS = "org.cosmicstock.schemas.commands";
    private static final String EVENTS = "org.cosmicstock.schemas.events";

    private MessageTypes() {}

    public static List<Class<? extends SpecificRecord>> commands() {
        return inNamespace(COMMANDS);
    }

    public static List<Class<? extends SpecificRecord>> events() {
        return inNamespace(EVENTS);
    }

    public static List<Class<? extends SpecificRecord>> all() {
        return MessageType.ALL.stream()
                .<Class<? extends SpecificRecord>>map(MessageType::type)
                .toList();
    }

    /** The simple names of these types, as the {@code type} label of the messaging metrics. */
    public static List<String> names(List<Class<? extends SpecificRecord>> types) {
        return types.stream().map(Class::getSimpleName).toList();
    }

    private static List<Class<? extends SpecificRecord>> inNamespace(String namespace) {
        return MessageType.ALL.stream()
                .filter(type -> namespace.equals(type.schema().getNamespace()))
                .<Class<? extends SpecificRecord>>map(MessageType::type)
                .toList();
    }
}
