package org.cosmicstock.messaging.bus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cosmicstock.messaging.retry.Backoff;
import org.cosmicstock.messaging.retry.Retrying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book's message bus, a batch at a time. Every command goes to its one handler; a batch of
 * commands is applied in ONE unit of work (one transaction): each message keeps its own inbox
 * receipt, each aggregate its own version check, so the transaction is the unit of durability and
 * the aggregate stays the unit of consistency (ADR 6). A message that can never succeed is isolated
 * by split and retry and reported rejected ({@link Batch}); any error but a version conflict rolls
 * everything back and reaches the caller, which retries later.
 *
 * <p>The events a batch committed then go to every handler registered for them, together in a
 * fresh unit of work, wave after wave. Their in-process run is the fast path: a service that must
 * never lose one also reads them back from the broker ({@link #handleEvents}), where each handler's
 * receipt makes a second run a duplicate.
 */
public final class MessageBus<U extends UnitOfWork> {

    private static final Logger LOG = LoggerFactory.getLogger(MessageBus.class);
    private static final Backoff WAVE_BACKOFF =
            new Backoff(Duration.ofMillis(10), 3, Duration.ofSeconds(1), Duration.ofMillis(10));

    private final Map<Class<?>, Handler<Object, U>> commandHandlers;
    private final Map<Class<?>, Map<String, Handler<Object, U>>> eventHandlers;
    private final int eventHandlerAttempts;
    private final Batch<U> batch;

    MessageBus(MessageBusBuilder<U> b) {
        this.commandHandlers = Map.copyOf(b.commandHandlers);
        this.eventHandlers = Map.copyOf(b.eventHandlers);
        this.eventHandlerAttempts = b.eventHandlerAttempts;
        this.batch = new Batch<>(b.unitsOfWork, b.conflictAttempts, b.around);
    }

    public static <U extends UnitOfWork> MessageBusBuilder<U> builder(Supplier<U> unitsOfWork) {
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
        List<Batch.Item<U>> items = new ArrayList<>(commands.size());
        for (Envelope envelope : commands) {
            Handler<Object, U> handler = commandHandlers.get(envelope.message().getClass());
            if (handler == null) {
                throw new IllegalArgumentException("No handler for command "
                        + envelope.message().getClass().getName());
            }
            items.add(new Batch.Item<>(handler, envelope, envelope.context().receipt("")));
        }
        List<RaisedEvent> raised = new ArrayList<>();
        Result[] results = batch.apply(items, raised);
        dispatchInProcess(raised);
        return Arrays.asList(results);
    }

    /**
     * Events that arrive from outside the process, such as this service's own events read back from
     * the broker: the durable path for event handlers whose in-process run was lost. Per event:
     * PROCESSED if a handler applied it, SKIPPED if none handles it or those that ran had nothing to
     * do, DUPLICATE if every handler had applied it before, INVALID (rejected) if a handler refused it.
     */
    public List<Result> handleEvents(List<Envelope> events) {
        List<Batch.Item<U>> items = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Envelope envelope = events.get(i);
            for (var handler : handlersOf(envelope.message()).entrySet()) {
                items.add(new Batch.Item<>(
                        handler.getValue(), envelope, envelope.context().receipt(handler.getKey())));
                owners.add(i);
            }
        }
        List<RaisedEvent> raised = new ArrayList<>();
        Result[] itemResults = batch.apply(items, raised);
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

    /** Events raised in process, wave after wave, each wave in one fresh unit of work. */
    private void dispatchInProcess(List<RaisedEvent> events) {
        List<RaisedEvent> wave = events;
        while (!wave.isEmpty()) {
            List<Batch.Item<U>> items = new ArrayList<>();
            for (RaisedEvent event : wave) {
                Envelope envelope = new Envelope(event.event(), event.context());
                handlersOf(event.event())
                        .forEach((name, handler) -> items.add(new Batch.Item<>(
                                handler, envelope, event.context().receipt(name))));
            }
            if (items.isEmpty()) {
                return;
            }
            wave = runWave(items);
        }
    }

    private List<RaisedEvent> runWave(List<Batch.Item<U>> items) {
        Retrying retrying = new Retrying(
                LOG, "In-process handling of " + items.size() + " event(s)", WAVE_BACKOFF, Clock.systemUTC());
        while (true) {
            List<RaisedEvent> raised = new ArrayList<>();
            try {
                Result[] results = batch.apply(items, raised);
                retrying.succeeded();
                for (int i = 0; i < results.length; i++) {
                    if (results[i].isRejected()) {
                        LOG.warn(
                                "Event handler refused {}: {}",
                                describe(items.get(i)),
                                results[i].rejection().getMessage());
                    }
                }
                return raised;
            } catch (RuntimeException e) {
                Duration pause = retrying.failed(e);
                if (retrying.attempts() >= eventHandlerAttempts) {
                    // Committed commands stay committed; a service that must not lose these events
                    // reads them back from the broker and applies them there.
                    LOG.error(
                            "In-process handling of {} event(s) failed {} times; left to the durable path: {}",
                            items.size(),
                            retrying.attempts(),
                            e.toString(),
                            e);
                    return List.of();
                }
                pause(pause);
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
        if (sofar.outcome() == Outcome.PROCESSED || next.outcome() == Outcome.PROCESSED) {
            return Result.of(Outcome.PROCESSED);
        }
        boolean skipped = sofar.outcome() == Outcome.SKIPPED || next.outcome() == Outcome.SKIPPED;
        return skipped ? Result.of(Outcome.SKIPPED) : Result.DUPLICATE;
    }

    private static String describe(Batch.Item<?> item) {
        return item.envelope().message().getClass().getSimpleName() + " (message "
                + item.envelope().context().messageId() + ", handler '"
                + item.receipt().handler() + "')";
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
