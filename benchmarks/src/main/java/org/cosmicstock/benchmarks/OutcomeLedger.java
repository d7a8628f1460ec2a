package org.cosmicstock.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Every order line the run sent, and every event about it that came back. An order's id carries its
 * sequence number ({@code <runTag>-<n>}), so an event is matched to its order without a lookup
 * table, and events of other runs or other producers are told apart by the tag.
 *
 * <p>An order owes one outcome ({@code Allocated}, {@code OutOfStock} or {@code AllocationRejected})
 * for its Allocate, plus one for each time its line was deallocated (or asked to move): a moved line
 * must be allocated exactly once more.
 */
final class OutcomeLedger {

    enum Kind {
        ALLOCATED,
        OUT_OF_STOCK,
        REJECTED,
        DEALLOCATED
    }

    /** What an event meant to the ledger, so the caller can count it. */
    enum Effect {
        NOT_OURS,
        FIRST_OUTCOME,
        REALLOCATED,
        OTHER
    }

    /** A time not yet seen (nanoTime values may be negative, so not 0). */
    static final long NONE = Long.MIN_VALUE;

    private final String runTag;
    private final List<Order> orders = new ArrayList<>();
    private final Latencies measured = new Latencies();
    private final Latencies moves = new Latencies();
    private long owed;
    private int causationMismatches;

    OutcomeLedger(String runTag) {
        this.runTag = runTag;
    }

    /** Registers a line about to be sent; its number gives its order and command ids. */
    int register(Phase phase, long sentAtNanos) {
        orders.add(new Order(phase, sentAtNanos));
        owed++;
        return orders.size() - 1;
    }

    String orderId(int seq) {
        return runTag + "-" + seq;
    }

    String commandId(int seq) {
        return runTag + "-allocate-" + seq;
    }

    /** The producer could not deliver the command: the suite never saw it, so it owes nothing. */
    void sendFailed(int seq) {
        change(orders.get(seq), order -> order.sendFailed = true);
    }

    /** The line was asked to move (its batch shrunk): it owes one more allocation. */
    void moveRequested(int seq, long atNanos) {
        change(orders.get(seq), order -> order.moveRequestedAt = atNanos);
    }

    Effect record(Kind kind, String orderId, String causationId, long atNanos) {
        int seq = sequenceOf(orderId);
        if (seq < 0) {
            return Effect.NOT_OURS;
        }
        Order order = orders.get(seq);
        boolean first = order.outcomes() == 0 && kind != Kind.DEALLOCATED;
        boolean reallocation = kind == Kind.ALLOCATED && order.deallocated > 0 && order.reallocatedAt == NONE;
        if (kind != Kind.DEALLOCATED
                && order.deallocated == 0
                && !commandId(seq).equals(causationId)) {
            causationMismatches++;
        }
        change(order, o -> o.count(kind));
        if (first) {
            order.firstOutcomeAt = atNanos;
            if (order.phase == Phase.MEASURED) {
                measured.add(atNanos - order.sentAt);
            }
            return Effect.FIRST_OUTCOME;
        }
        if (reallocation) {
            order.reallocatedAt = atNanos;
            if (order.moveRequestedAt != NONE && order.phase != Phase.WARMUP) {
                moves.add(atNanos - order.moveRequestedAt);
            }
            return Effect.REALLOCATED;
        }
        return Effect.OTHER;
    }

    /** Outcomes still owed by every line sent: zero when each has all it should have. */
    long owed() {
        return owed;
    }

    int size() {
        return orders.size();
    }

    Order order(int seq) {
        return orders.get(seq);
    }

    /** Command-to-first-outcome latencies of the measured phase. */
    Latencies measuredLatencies() {
        return measured;
    }

    /** Move-requested-to-reallocated latencies of the moved lines. */
    Latencies moveLatencies() {
        return moves;
    }

    /** Outcomes whose {@code ce_causationid} was not the id of the command that asked for them. */
    int causationMismatches() {
        return causationMismatches;
    }

    /** The sequence number of one of this run's orders, or -1 for an id that is not this run's. */
    int sequenceOf(String orderId) {
        if (orderId == null || !orderId.startsWith(runTag + "-")) {
            return -1;
        }
        try {
            int seq = Integer.parseInt(orderId.substring(runTag.length() + 1));
            return seq < orders.size() ? seq : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void change(Order order, java.util.function.Consumer<Order> change) {
        long before = order.owed();
        change.accept(order);
        owed += order.owed() - before;
    }

    /** One line: when it was sent and what came back for it. */
    static final class Order {
        final Phase phase;
        final long sentAt;
        long firstOutcomeAt = NONE;
        long moveRequestedAt = NONE;
        long reallocatedAt = NONE;
        int allocated;
        int outOfStock;
        int rejected;
        int deallocated;
        boolean sendFailed;

        Order(Phase phase, long sentAt) {
            this.phase = phase;
            this.sentAt = sentAt;
        }

        int outcomes() {
            return allocated + outOfStock + rejected;
        }

        /** One for the Allocate, one more for each move, asked for or seen. */
        int expected() {
            return sendFailed ? 0 : 1 + Math.max(deallocated, moveRequestedAt != NONE ? 1 : 0);
        }

        long owed() {
            return Math.max(0, expected() - outcomes());
        }

        private void count(Kind kind) {
            switch (kind) {
                case ALLOCATED -> allocated++;
                case OUT_OF_STOCK -> outOfStock++;
                case REJECTED -> rejected++;
                case DEALLOCATED -> deallocated++;
            }
        }
    }
}
