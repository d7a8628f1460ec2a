package org.cosmicstock.messaging.bus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registers handlers in one visible place, like the book's COMMAND_HANDLERS and EVENT_HANDLERS. */
public final class MessageBusBuilder<U extends UnitOfWork> {

    private final UnitOfWorkFactory<U> unitsOfWork;
    private final Map<Class<?>, Handler<Object, U>> commandHandlers = new HashMap<>();
    private final Map<Class<?>, Map<String, Handler<Object, U>>> eventHandlers = new HashMap<>();
    private int eventHandlerAttempts = 3;

    MessageBusBuilder(UnitOfWorkFactory<U> unitsOfWork) {
        this.unitsOfWork = unitsOfWork;
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
        var handlers = eventHandlers.computeIfAbsent(type, t -> new LinkedHashMap<>());
        if (handlers.putIfAbsent(name, (Handler<Object, U>) handler) != null) {
            throw new IllegalStateException("Two handlers named " + name + " for " + type.getName());
        }
        return this;
    }

    public MessageBusBuilder<U> eventHandlerAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.eventHandlerAttempts = attempts;
        return this;
    }

    public MessageBus<U> build() {
        return new MessageBus<>(unitsOfWork, commandHandlers, eventHandlers, eventHandlerAttempts);
    }
}
