package org.cosmicstock.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the relay's next read of the outbox starts. Published rows leave dead entries at the front
 * of the index of unpublished rows until a vacuum removes them, and a read that starts at the
 * front walks all of them: at a few thousand rows a second that made every read cost milliseconds
 * of the database's CPU, more the longer since the last vacuum. So a read starts after the floor,
 * below which no row can ever be read again (until a re-queue).
 *
 * <p>Ids are taken when a row is written and become visible when its transaction commits, not in id
 * order: an id missing from a read may be a transaction still running, whose row must be read before
 * any later row of its key, however long it takes to commit. So the floor never passes a missing id
 * on a timer: it passes it once the database says nothing can still fill it. A round with a gap above
 * the floor asks for a mark ({@link RelayOutbox.Read#mark()}): the highest id handed out, then the
 * round's own transaction id. Writers take their transaction id before a row's id (the id column's
 * default), so every id up to the mark's was taken by a transaction older than the mark; once a later
 * read finds no transaction older than the mark still running, each of those ids is visible to that
 * read or never will be. The ones it did not return (rolled back, published by another instance,
 * parked, or held back behind a parked row of their key) are passed.
 *
 * <p>A re-queue makes the next read start at the very start, and so does a read every {@link #SWEEP}:
 * a round does not wait for the disk, so a database crash can lose its "published" marks; the sweep
 * sends those rows again (duplicates the consumers drop) so that the backlog does not count them.
 */
final class ReadFloor {

    static final Duration SWEEP = Duration.ofMinutes(1);

    private static final long NONE = -1;

    private long floor;
    private final TreeSet<Long> publishedAbove = new TreeSet<>();
    private long markLastId = NONE;
    private long markTransaction = NONE;
    private Instant nextSweep;
    // Set from another thread (a re-queue over HTTP): the next read starts at the very start.
    private volatile boolean sweepRequested;

    /** The id the next read starts after: 0, the very start, on the first read and at each sweep. */
    long readAfter(Instant now) {
        if (nextSweep == null || !now.isBefore(nextSweep) || sweepRequested) {
            sweepRequested = false;
            nextSweep = now.plus(SWEEP);
            floor = 0;
            publishedAbove.clear();
        }
        return floor;
    }

    /** Whether the next read should take a mark: a gap is open above the floor and no mark is pending. */
    boolean wantsMark() {
        return !publishedAbove.isEmpty() && markTransaction == NONE;
    }

    /**
     * After a round committed: what its read saw, and how many of the rows it returned (the first
     * ones, in id order) the broker acknowledged.
     */
    void afterRound(RelayOutbox.Read read, int acknowledged, int limit) {
        if (!read.locked()) {
            // Another relay holds the lock: this read saw nothing of the outbox.
            return;
        }
        List<OutboxRow> rows = read.rows();
        for (OutboxRow row : rows.subList(0, acknowledged)) {
            if (row.id() > floor) {
                publishedAbove.add(row.id());
            }
        }
        long settled = floor;
        if (markTransaction != NONE && read.oldestRunning() >= markTransaction) {
            // Taken by an earlier round: every id up to its last id is settled for this read.
            settled = markLastId;
            markTransaction = NONE;
        }
        if (read.mark() != NONE && markTransaction == NONE) {
            markLastId = read.lastIdTaken();
            markTransaction = read.mark();
        }
        if (rows.size() >= limit) {
            // Nothing after the last row returned was looked at.
            settled = Math.min(settled, rows.get(rows.size() - 1).id());
        }
        if (acknowledged < rows.size()) {
            // A row returned and not sent stays in line, and so does everything after it.
            settled = Math.min(settled, rows.get(acknowledged).id() - 1);
        }
        if (settled > floor) {
            floor = settled;
            publishedAbove.headSet(floor, true).clear();
        }
        while (!publishedAbove.isEmpty() && publishedAbove.first() == floor + 1) {
            floor = publishedAbove.pollFirst();
        }
    }

    /** Rows below the floor became publishable again (re-queued): the next read starts at the very start. */
    void sweepNext() {
        sweepRequested = true;
    }

    long floor() {
        return floor;
    }
}
