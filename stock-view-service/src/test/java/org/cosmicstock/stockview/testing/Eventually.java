package org.cosmicstock.stockview.testing;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Waiting for something asynchronous, failing with what was awaited rather than hanging. */
public final class Eventually {

    private Eventually() {}

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what);
            }
        }
    }

    /** Whether a reader has read every record before {@code ends} (per partition, the next offset). */
    public static boolean readUpTo(Map<Integer, Long> read, Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> read.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }
}
