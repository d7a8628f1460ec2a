package org.cosmicstock.messaging.bus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Registers handlers in one visible place, like the book's COMMAND_HANDLERS and EVENT_HANDLERS. */
public final class MessageBusBuilder<U extends UnitOfWork> {

    final Supplier<U> unitsOfWork;
    final Map<Class<?>, Handler<Object, U>> commandHandlers = new HashMap<>();
    final Map<Class<?>, Map<String, Handler<Object, U>>> eventHandlers = new HashMap<>();
    int conflictAttempts = 5;
    int eventHandlerAttempts = 3;
    /** Runs a handler in its envelope's context, and nothing else: the default {@link #around}. */
    public static final BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> AS_IS =
            (envelope, handling) -> handling.apply(envelope.context());

    BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> around = AS_IS;

    MessageBusBuilder(Supplier<U> unitsOfWork) {
        this.unitsOfWork = Objects.requireNonNull(unitsOfWork, "unitsOfWork");
    }

    @SuppressWarnings("unchecked")
    public <C> MessageBusBuilder<U> command(Class<C> type, Handler<? super C, U> handler) {
        if (commandHandlers.putIfAbsent(type, (Handler<Object, U>) handler) != null) {
            throw new IllegalStateException("A command has exactly one handler; " + type.getName() + " has two");
        }
        return this;
    }

    /** {@code name} identifies the handler in receipts and logs; keep it stable across releases. */
    @SuppressWarnings("unchecked")
    public <E> MessageBusBuilder<U> event(Class<E> type, String name, Handler<? super E, U> handler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An event handler needs a name: it goes into its receipts");
        }
        var handlers = eventHandlers.computeIfAbsent(type, t -> new LinkedHashMap<>());
        if (handlers.putIfAbsent(name, (Handler<Object, U>) handler) != null) {
            throw new IllegalStateException("Two handlers named " + name + " for " + type.getName());
        }
        return this;
    }

    /** How often a batch that lost a version conflict is tried in process before the error reaches the caller. */
    public MessageBusBuilder<U> conflictAttempts(int attempts) {
        this.conflictAttempts = atLeastOne(attempts);
        return this;
    }

    /** How often a wave of in-process event handlers is tried before it is left to the durable path. */
    public MessageBusBuilder<U> eventHandlerAttempts(int attempts) {
        this.eventHandlerAttempts = atLeastOne(attempts);
        return this;
    }

    /**
     * Runs every handler through {@code around}, which calls the handling with the context the
     * handler runs in (the messages it causes inherit it), so that an adapter can time it as a
     * metric, trace it as a span and put the message's ids into the logging context; the bus itself
     * keeps none of them. The default is {@link #AS_IS}.
     */
    public MessageBusBuilder<U> around(BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> around) {
        this.around = Objects.requireNonNull(around, "around");
        return this;
    }

    public MessageBus<U> build() {
        return new MessageBus<>(this);
    }

    private static int atLeastOne(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        return attempts;
    }
}
