package org.cosmicstock.messaging.bus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The book's message bus: a command goes to exactly one handler inside one unit of work; the events
 * that unit of work committed then go to every handler registered for them, each in a fresh unit of
 * work of its own. Errors are never swallowed: a failing command rolls back and the error reaches
 * the caller; a failing event handler is retried, then reported as {@link EventHandlingFailed}.
 */
public final class MessageBus<U extends UnitOfWork> {

    private static final Logger LOG = Logger.getLogger(MessageBus.class.getName());

    private final UnitOfWorkFactory<U> unitsOfWork;
    private final Map<Class<?>, Handler<Object, U>> commandHandlers;
    private final Map<Class<?>, Map<String, Handler<Object, U>>> eventHandlers;
    private final int eventHandlerAttempts;

    MessageBus(
            UnitOfWorkFactory<U> unitsOfWork,
            Map<Class<?>, Handler<Object, U>> commandHandlers,
            Map<Class<?>, Map<String, Handler<Object, U>>> eventHandlers,
            int eventHandlerAttempts) {
        this.unitsOfWork = unitsOfWork;
        this.commandHandlers = Map.copyOf(commandHandlers);
        this.eventHandlers = Map.copyOf(eventHandlers);
        this.eventHandlerAttempts = eventHandlerAttempts;
    }

    public static <U extends UnitOfWork> MessageBusBuilder<U> builder(UnitOfWorkFactory<U> unitsOfWork) {
        return new MessageBusBuilder<>(unitsOfWork);
    }

    /** Handles a command and every event it leads to; returns what became of the command. */
    public Outcome handle(Object command, MessageContext context) {
        Handler<Object, U> handler = commandHandlers.get(command.getClass());
        if (handler == null) {
            throw new IllegalArgumentException(
                    "No handler for command " + command.getClass().getName());
        }
        Deque<RaisedEvent> queue = new ArrayDeque<>();
        Outcome outcome = runInUnitOfWork(handler, command, context, context.messageId(), queue);
        while (!queue.isEmpty()) {
            dispatch(queue.removeFirst(), queue);
        }
        return outcome;
    }

    /**
     * Handles an event that arrives from outside the process, such as this service's own event
     * read back from the broker: the durable path for event handlers whose in-process run was lost
     * (the process died after the commit). Each handler's receipt makes a second run a duplicate.
     * Returns PROCESSED if any handler applied it, SKIPPED if none handles it or those that ran had
     * nothing to do, DUPLICATE if every handler had applied it before.
     */
    public Outcome handleEvent(Object event, MessageContext context) {
        Deque<RaisedEvent> queue = new ArrayDeque<>();
        Outcome outcome = dispatch(new RaisedEvent(event, context), queue);
        while (!queue.isEmpty()) {
            dispatch(queue.removeFirst(), queue);
        }
        return outcome;
    }

    public boolean handlesCommand(Class<?> type) {
        return commandHandlers.containsKey(type);
    }

    public boolean handlesEvent(Class<?> type) {
        return eventHandlers.containsKey(type);
    }

    private Outcome dispatch(RaisedEvent raised, Deque<RaisedEvent> queue) {
        Map<String, Handler<Object, U>> handlers =
                eventHandlers.getOrDefault(raised.event().getClass(), Map.of());
        Outcome outcome = handlers.isEmpty() ? Outcome.SKIPPED : Outcome.DUPLICATE;
        for (var entry : handlers.entrySet()) {
            // The receipt names the handler, so each handler applies an event once, however often it arrives.
            String receipt = raised.context().messageId() + "#" + entry.getKey();
            outcome = strongest(outcome, runWithRetries(entry.getValue(), raised, receipt, queue));
        }
        return outcome;
    }

    /** What the handlers did together: PROCESSED if any applied it, else SKIPPED if any had nothing to do. */
    private static Outcome strongest(Outcome sofar, Outcome next) {
        if (sofar == Outcome.PROCESSED || next == Outcome.PROCESSED) {
            return Outcome.PROCESSED;
        }
        return sofar == Outcome.SKIPPED || next == Outcome.SKIPPED ? Outcome.SKIPPED : Outcome.DUPLICATE;
    }

    private Outcome runWithRetries(
            Handler<Object, U> handler, RaisedEvent raised, String receipt, Deque<RaisedEvent> queue) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runInUnitOfWork(handler, raised.event(), raised.context(), receipt, queue);
            } catch (MessageRejected rejected) {
                throw new EventHandlingFailed(raised, rejected);
            } catch (RuntimeException e) {
                if (attempt >= eventHandlerAttempts) {
                    throw new EventHandlingFailed(raised, e);
                }
                LOG.log(Level.WARNING, "Event handler failed (attempt " + attempt + "), retrying: " + e, e);
                pause(attempt);
            }
        }
    }

    private Outcome runInUnitOfWork(
            Handler<Object, U> handler,
            Object message,
            MessageContext context,
            String receipt,
            Deque<RaisedEvent> queue) {
        try (U uow = unitsOfWork.begin(context)) {
            if (!uow.firstDelivery(receipt)) {
                return Outcome.DUPLICATE;
            }
            Outcome outcome = handler.handle(message, uow);
            uow.commit();
            queue.addAll(uow.committedEvents());
            return outcome;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event handler", e);
        }
    }
}
