package org.cosmicstock.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Where the relay's next read of the outbox starts. Published rows leave dead entries at the front
 * of the index of unpublished rows until a vacuum removes them, and a read that starts at the
 * front walks all of them: at a few thousand rows a second that made every read cost milliseconds
 * of the database's CPU, more the longer since the last vacuum. So a read starts after the floor,
 * below which every row is published.
 *
 * <p>Ids are taken when a row is written and become visible when its transaction commits, not in
 * id order: a gap in the published ids may be a transaction still committing. The floor stops at a
 * gap for {@link #GAP_WAIT}, so a row committed late is read as soon as it is visible; a gap older
 * than that (a rolled-back transaction, a parked row, rows of its key waiting behind it, rows another
 * instance published) is passed, and a read from the very start every {@link #SWEEP} picks up
 * whatever committed even later; a re-queue asks for such a read at once.
 */
final class ReadFloor {

    static final Duration GAP_WAIT = Duration.ofSeconds(5);
    static final Duration SWEEP = Duration.ofSeconds(10);

    private long floor = -1;
    private final TreeSet<Long> publishedAbove = new TreeSet<>();
    private Instant stuckSince;
    private Instant nextSweep = Instant.MIN;
    // Set from another thread (a re-queue over HTTP): the next read starts at the very start.
    private volatile boolean sweepRequested;

    /** The id the next read starts after: 0, the very start, until the first read and at each sweep. */
    long readAfter(Instant now) {
        if (floor < 0 || !now.isBefore(nextSweep) || sweepRequested) {
            sweepRequested = false;
            nextSweep = now.plus(SWEEP);
            return 0;
        }
        return floor;
    }

    /** The ids of the rows a read returned (in id order) and the ones of them the broker acknowledged. */
    void published(long firstRead, Collection<Long> ids, Instant now) {
        if (floor < 0) {
            // What lies below the first row of the first read was published before (or is for a sweep).
            floor = firstRead - 1;
        }
        for (long id : ids) {
            if (id > floor) {
                publishedAbove.add(id);
            }
        }
        while (!publishedAbove.isEmpty() && publishedAbove.first() == floor + 1) {
            floor = publishedAbove.pollFirst();
        }
        if (publishedAbove.isEmpty()) {
            stuckSince = null;
        } else if (stuckSince == null) {
            stuckSince = now;
        } else if (!now.isBefore(stuckSince.plus(GAP_WAIT))) {
            floor = publishedAbove.last();
            publishedAbove.clear();
            stuckSince = null;
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
