package org.cosmicstock.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a drained run: every line sent got exactly the outcomes it owes (one per Allocate,
 * one more per move), none missing and none doubled; in reallocate mode every moved line was
 * deallocated once and allocated again.
 */
final class ExactlyOnceCheck {

    /** How many order ids of each kind of fault are named in the output; the counts are complete. */
    static final int SAMPLE = 20;

    private final int lines;
    private final Offenders sendFailures = new Offenders();
    private final Offenders missing = new Offenders();
    private final Offenders doubled = new Offenders();
    private final Offenders notReallocated = new Offenders();
    private final int causationMismatches;

    private ExactlyOnceCheck(OutcomeLedger ledger, LoadSettings.Mode mode) {
        this.lines = ledger.size();
        this.causationMismatches = ledger.causationMismatches();
        for (int seq = 0; seq < ledger.size(); seq++) {
            OutcomeLedger.Order order = ledger.order(seq);
            String id = ledger.orderId(seq);
            if (order.sendFailed) {
                sendFailures.add(id);
            } else if (mode == LoadSettings.Mode.REALLOCATE && order.deallocated > 1) {
                doubled.add(id); // its Deallocated came twice
            } else if (order.outcomes() < order.expected()) {
                missing.add(id);
            } else if (order.outcomes() > order.expected()) {
                doubled.add(id);
            } else if (order.moveRequestedAt != OutcomeLedger.NONE && order.outOfStock + order.rejected > 0) {
                notReallocated.add(id);
            }
        }
    }

    static ExactlyOnceCheck of(OutcomeLedger ledger, LoadSettings.Mode mode) {
        return new ExactlyOnceCheck(ledger, mode);
    }

    boolean passed() {
        return sendFailures.count == 0 && missing.count == 0 && doubled.count == 0 && notReallocated.count == 0;
    }

    int missing() {
        return missing.count;
    }

    int doubled() {
        return doubled.count;
    }

    int sendFailures() {
        return sendFailures.count;
    }

    /** Lines whose every owed outcome came back, exactly once. */
    int exact() {
        return lines - sendFailures.count - missing.count - doubled.count - notReallocated.count;
    }

    /** One line per kind of fault, naming the first order ids; empty when the check passed. */
    List<String> faults(boolean unfinished) {
        List<String> faults = new ArrayList<>();
        missing.describe(
                faults,
                unfinished
                        ? "STILL OWED when the run stopped: no outcome (or re-allocation) yet for"
                        : "MISSING: no outcome (or no re-allocation after a move) for");
        doubled.describe(faults, "DOUBLED: more outcomes than commands (or a Deallocated twice) for");
        notReallocated.describe(faults, "NOT RE-ALLOCATED: moved, then OutOfStock or rejected, for");
        sendFailures.describe(faults, "NOT SENT: the producer could not deliver the Allocate for");
        return faults;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed());
        map.put("lines", lines);
        map.put("exactlyOnce", exact());
        map.put("missing", missing.count);
        map.put("doubled", doubled.count);
        map.put("notReallocated", notReallocated.count);
        map.put("notSent", sendFailures.count);
        map.put("causationMismatches", causationMismatches);
        map.put("missingOrderIds", missing.sample);
        map.put("doubledOrderIds", doubled.sample);
        map.put("notReallocatedOrderIds", notReallocated.sample);
        map.put("notSentOrderIds", sendFailures.sample);
        return map;
    }

    int causationMismatches() {
        return causationMismatches;
    }

    private static final class Offenders {
        int count;
        final List<String> sample = new ArrayList<>();

        void add(String orderId) {
            count++;
            if (sample.size() < SAMPLE) {
                sample.add(orderId);
            }
        }

        void describe(List<String> faults, String what) {
            if (count > 0) {
                faults.add(String.format(
                        "%s %,d order(s): %s%s",
                        what, count, String.join(", ", sample), count > SAMPLE ? ", ..." : ""));
            }
        }
    }
}
