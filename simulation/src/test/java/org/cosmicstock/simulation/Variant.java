package org.cosmicstock.simulation;

/**
 * Which guarantee the run keeps. {@link #CORRECT} is the suite as built; each other value breaks one
 * guarantee on purpose, inside the simulation's harness only, to show the simulation finds it.
 */
enum Variant {
    /** Everything as the services do it. */
    CORRECT,
    /** The inbox records nothing: every delivery of a message is a first delivery. */
    INBOX_DISABLED,
    /** A consumer commits a batch's offsets before the batch's database transaction commits. */
    OFFSETS_BEFORE_COMMIT,
    /** The relay marks its rows published (and commits) before the broker acknowledged them. */
    MARK_BEFORE_ACK,
    /**
     * The relay reads its rows before it holds the lock (from a snapshot older than the lock, the race
     * between two relays found at 2d9828b): a row the other relay published meanwhile goes out again.
     */
    RELAY_READS_BEFORE_LOCK
}
