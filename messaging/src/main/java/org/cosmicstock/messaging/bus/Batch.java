package org.cosmicstock.messaging.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cosmicstock.messaging.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of messages, each with its handler and receipt, in as few units of work as
 * rejections allow (ADR 6). A message that can never succeed is isolated by split and retry: the
 * batch is rolled back, the messages before it are applied again, it is reported rejected, and the
 * messages after it go on. A version conflict is retried in process a few times; any other error
 * rolls everything back and reaches the caller.
 */
final class Batch<U extends UnitOfWork> {

    private static final Logger LOG = LoggerFactory.getLogger(MessageBus.class);
    private static final Backoff CONFLICT_BACKOFF =
            new Backoff(Duration.ofMillis(10), 3, Duration.ofSeconds(1), Duration.ofMillis(10));

    /** One message with the handler that applies it and the receipt that records it. */
    record Item<U extends UnitOfWork>(Handler<Object, U> handler, Envelope envelope, Receipt receipt) {}

    private final Supplier<U> unitsOfWork;
    private final int conflictAttempts;
    private final BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> around;

    Batch(
            Supplier<U> unitsOfWork,
            int conflictAttempts,
            BiFunction<Envelope, Function<MessageContext, Outcome>, Outcome> around) {
        this.unitsOfWork = unitsOfWork;
        this.conflictAttempts = conflictAttempts;
        this.around = around;
    }

    /**
     * Applies every item it can, committing in order; returns a result per item and adds the events
     * the commits raised to {@code raised}.
     */
    Result[] apply(List<Item<U>> items, List<RaisedEvent> raised) {
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
                LOG.debug("Version conflict (attempt {}), retrying: {}", attempt, conflict.getMessage());
                MessageBus.pause(CONFLICT_BACKOFF.after(attempt));
            }
        }
    }

    private Attempt attemptOnce(List<Item<U>> items) {
        try (U uow = unitsOfWork.get()) {
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
                try {
                    // The events the handler raises are caused by the message, in the context it ran in.
                    results[i] = Result.of(around.apply(item.envelope, context -> {
                        Outcome outcome = item.handler.handle(item.envelope.message(), uow);
                        uow.collectEvents(context);
                        return outcome;
                    }));
                } catch (MessageRejected rejected) {
                    return Attempt.rejected(i, rejected);
                }
            }
            uow.commit();
            return Attempt.committed(results, uow.committedEvents());
        }
    }

    private record Attempt(Result[] results, List<RaisedEvent> committed, int rejectedAt, MessageRejected rejection) {

        static Attempt committed(Result[] results, List<RaisedEvent> events) {
            return new Attempt(results, events, -1, null);
        }

        static Attempt rejected(int index, MessageRejected rejection) {
            return new Attempt(null, List.of(), index, rejection);
        }
    }
}
