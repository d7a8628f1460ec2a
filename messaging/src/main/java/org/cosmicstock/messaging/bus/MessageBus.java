package org.cosmicstock.messaging.bus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The book's message bus, a batch at a time. Every command goes to its one handler; a batch of
 * commands is applied in ONE unit of work (one transaction): each message keeps its own inbox
 * receipt, each aggregate its own version check, so the transaction is the unit of durability and
 * the aggregate stays the unit of consistency (ADR 6). A message that can never succeed is isolated
 * by split and retry: the batch is rolled back, the messages before it are applied again, it is
 * reported rejected, and the messages after it go on. A version conflict is retried in process a
 * few times; any other error rolls everything back and reaches the caller, which retries later.
 *
 * <p>The events a batch committed then go to every handler registered for them, together in a
 * fresh unit of work, wave after wave. Their in-process run is the fast path: a service that must
 * never lose one also reads them back from the broker ({@link #handleEvents}), where each handler's
 * receipt makes a second run a duplicate.
 */
public final class MessageBus<U extends UnitOfWork> {

    private static final Logger LOG = Logger.getLogger(MessageBus.class.getName());

    private final UnitOfWorkFactory<U> unitsOfWork;
    private final Map<Class<?>, Handler<Object, U>> commandHandlers;
    private final Map<Class<?>, Map<String, Handler<Object, U>>> eventHandlers;
    private final int conflictAttempts;
    private final int eventHandlerAttempts;
    private final HandlerObserver observer;

    MessageBus(MessageBusBuilder<U> b) {
        this.unitsOfWork = b.unitsOfWork;
        this.commandHandlers = Map.copyOf(b.commandHandlers);
        this.eventHandlers = Map.copyOf(b.eventHandlers);
        this.conflictAttempts = b.conflictAttempts;
        this.eventHandlerAttempts = b.eventHandlerAttempts;
        this.observer = b.observer;
    }

    public static <U extends UnitOfWork> MessageBusBuilder<U> builder(UnitOfWorkFactory<U> unitsOfWork) {
        return new MessageBusBuilder<>(unitsOfWork);
    }

    /** One command and everything it leads to, e.g. from an HTTP request. */
    public Result handle(Object command, MessageContext context) {
        return handleAll(List.of(new Envelope(command, context))).get(0);
    }

    /**
     * Applies a batch of commands in order, in as few units of work as rejections allow, then the
     * events they raised. Returns a result per command, in order.
     *
     * @throws IllegalArgumentException if a command has no handler (nothing is applied)
     * @throws RuntimeException a transient failure: nothing after the last commit was applied; the
     *     caller delivers the batch again and the inbox turns what was applied into duplicates
     */
    public List<Result> handleAll(List<Envelope> commands) {
        List<Item<U>> items = new ArrayList<>(commands.size());
        for (Envelope envelope : commands) {
            Handler<Object, U> handler = commandHandlers.get(envelope.message().getClass());
            if (handler == null) {
                throw new IllegalArgumentException("No handler for command "
                        + envelope.message().getClass().getName());
            }
            items.add(new Item<>(handler, envelope, envelope.context().receipt("")));
        }
        List<RaisedEvent> raised = new ArrayList<>();
        Result[] results = apply(items, raised);
        dispatchInProcess(raised);
        return Arrays.asList(results);
    }

    /**
     * Events that arrive from outside the process, such as this service's own events read back from
     * the broker: the durable path for event handlers whose in-process run was lost. Per event:
     * PROCESSED if a handler applied it, SKIPPED if none handles it or those that ran had nothing to
     * do, DUPLICATE if every handler had applied it before, REJECTED if a handler refused it.
     */
    public List<Result> handleEvents(List<Envelope> events) {
        List<Item<U>> items = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Envelope envelope = events.get(i);
            for (var handler : handlersOf(envelope.message()).entrySet()) {
                items.add(new Item<>(
                        handler.getValue(), envelope, envelope.context().receipt(handler.getKey())));
                owners.add(i);
            }
        }
        List<RaisedEvent> raised = new ArrayList<>();
        Result[] itemResults = apply(items, raised);
        Result[] results = new Result[events.size()];
        for (int i = 0; i < itemResults.length; i++) {
            int event = owners.get(i);
            results[event] = strongest(results[event], itemResults[i]);
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = Result.of(Outcome.SKIPPED);
            }
        }
        dispatchInProcess(raised);
        return Arrays.asList(results);
    }

    public boolean handlesCommand(Class<?> type) {
        return commandHandlers.containsKey(type);
    }

    public boolean handlesEvent(Class<?> type) {
        return eventHandlers.containsKey(type);
    }

    private Map<String, Handler<Object, U>> handlersOf(Object event) {
        return eventHandlers.getOrDefault(event.getClass(), Map.of());
    }

    /** Applies every item it can, committing in order; fills in a result per item. */
    private Result[] apply(List<Item<U>> items, List<RaisedEvent> raised) {
        Result[] results = new Result[items.size()];
        apply(items, 0, items.size(), results, raised);
        return results;
    }

    // Split and retry: at most one recursion level per rejected item, so the depth stays small.
    private void apply(List<Item<U>> items, int from, int to, Result[] results, List<RaisedEvent> raised) {
        if (from >= to) {
            return;
        }
        Attempt attempt = attemptWithConflictRetries(items.subList(from, to));
        if (attempt.rejectedAt < 0) {
            System.arraycopy(attempt.results, 0, results, from, to - from);
            raised.addAll(attempt.committed);
            return;
        }
        int rejected = from + attempt.rejectedAt;
        results[rejected] = Result.rejected(attempt.rejection);
        apply(items, from, rejected, results, raised);
        apply(items, rejected + 1, to, results, raised);
    }

    private Attempt attemptWithConflictRetries(List<Item<U>> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attemptOnce(items);
            } catch (StaleAggregate conflict) {
                if (attempt >= conflictAttempts) {
                    throw conflict;
                }
                LOG.log(Level.FINE, "Version conflict (attempt {0}), retrying: {1}", new Object[] {
                    attempt, conflict.getMessage()
                });
                pause(attempt);
            }
        }
    }

    private Attempt attemptOnce(List<Item<U>> items) {
        try (U uow = unitsOfWork.begin()) {
            List<Object> messages = new ArrayList<>(items.size());
            items.forEach(item -> messages.add(item.envelope.message()));
            // A message about nothing this service holds changes nothing, now or when delivered
            // again: it needs no receipt, and a batch of only such messages writes nothing at all.
            Set<Object> foreign = uow.foreign(messages);
            Set<Receipt> receipts = new LinkedHashSet<>();
            for (Item<U> item : items) {
                if (!foreign.contains(item.envelope.message())) {
                    receipts.add(item.receipt);
                }
            }
            Set<Receipt> fresh = receipts.isEmpty() ? Set.of() : uow.firstDeliveries(receipts);
            List<Object> toHandle = new ArrayList<>();
            for (Item<U> item : items) {
                if (fresh.contains(item.receipt)) {
                    toHandle.add(item.envelope.message());
                }
            }
            uow.prepare(toHandle);
            Result[] results = new Result[items.size()];
            Set<Receipt> applied = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                Item<U> item = items.get(i);
                if (foreign.contains(item.envelope.message())) {
                    results[i] = Result.of(Outcome.SKIPPED);
                    continue;
                }
                if (!fresh.contains(item.receipt) || !applied.add(item.receipt)) {
                    results[i] = Result.DUPLICATE;
                    continue;
                }
                MessageContext context = observer.starting(item.envelope);
                long start = System.nanoTime();
                try {
                    results[i] = Result.of(item.handler.handle(item.envelope.message(), uow));
                } catch (MessageRejected rejected) {
                    return Attempt.rejected(i, rejected);
                } finally {
                    observer.finished(item.envelope, System.nanoTime() - start);
                }
                uow.collectEvents(context);
            }
            uow.commit();
            return Attempt.committed(results, uow.committedEvents());
        }
    }

    /** Events raised in process, wave after wave, each wave in one fresh unit of work. */
    private void dispatchInProcess(List<RaisedEvent> events) {
        List<RaisedEvent> wave = events;
        while (!wave.isEmpty()) {
            List<Item<U>> items = new ArrayList<>();
            for (RaisedEvent event : wave) {
                Envelope envelope = new Envelope(event.event(), event.context());
                handlersOf(event.event())
                        .forEach((name, handler) -> items.add(
                                new Item<>(handler, envelope, event.context().receipt(name))));
            }
            if (items.isEmpty()) {
                return;
            }
            wave = runWave(items);
        }
    }

    private List<RaisedEvent> runWave(List<Item<U>> items) {
        for (int attempt = 1; ; attempt++) {
            List<RaisedEvent> raised = new ArrayList<>();
            try {
                Result[] results = apply(items, raised);
                for (int i = 0; i < results.length; i++) {
                    if (results[i].isRejected()) {
                        LOG.warning("Event handler refused " + describe(items.get(i)) + ": "
                                + results[i].rejection().getMessage());
                    }
                }
                return raised;
            } catch (RuntimeException e) {
                if (attempt >= eventHandlerAttempts) {
                    // Committed commands stay committed; a service that must not lose these events
                    // reads them back from the broker and applies them there.
                    LOG.log(
                            Level.SEVERE,
                            "In-process handling of " + items.size() + " event(s) failed " + attempt
                                    + " times; left to the durable path: " + e,
                            e);
                    return List.of();
                }
                LOG.log(Level.WARNING, "Event handlers failed (attempt " + attempt + "), retrying: " + e, e);
                pause(attempt);
            }
        }
    }

    private static Result strongest(Result sofar, Result next) {
        if (sofar == null) {
            return next;
        }
        if (sofar.isRejected() || next.isRejected()) {
            return sofar.isRejected() ? sofar : next;
        }
        if (sofar.status() == Result.Status.PROCESSED || next.status() == Result.Status.PROCESSED) {
            return Result.of(Outcome.PROCESSED);
        }
        boolean skipped = sofar.status() == Result.Status.SKIPPED || next.status() == Result.Status.SKIPPED;
        return skipped ? Result.of(Outcome.SKIPPED) : Result.DUPLICATE;
    }

    private static String describe(Item<?> item) {
        return item.envelope.message().getClass().getSimpleName() + " (message "
                + item.envelope.context().messageId() + ", handler '" + item.receipt.handler() + "')";
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt * attempt + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }

    private record Item<U extends UnitOfWork>(Handler<Object, U> handler, Envelope envelope, Receipt receipt) {}

    private record Attempt(Result[] results, List<RaisedEvent> committed, int rejectedAt, MessageRejected rejection) {

        static Attempt committed(Result[] results, List<RaisedEvent> events) {
            return new Attempt(results, events, -1, null);
        }

        static Attempt rejected(int index, MessageRejected rejection) {
            return new Attempt(null, List.of(), index, rejection);
        }
    }
}
