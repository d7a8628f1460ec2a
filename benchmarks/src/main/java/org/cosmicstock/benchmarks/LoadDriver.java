package org.cosmicstock.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;

/**
 * Sends commands and reads events on one thread, so that every count is consistent without locks:
 * each loop sends what is due (never more than the backlog cap allows), then polls the events topic
 * briefly and books what came back. Every wait ends at the run's deadline.
 */
final class LoadDriver {

    private static final Duration SHORT_POLL = Duration.ofMillis(10);

    private final LoadSettings settings;
    private final SuiteConnection suite;
    private final MessageCodec codec;
    private final PrintStream out;
    private final long deadline;
    private final OutcomeLedger ledger;
    private final ThroughputSeries series;
    private final PhaseClock phases;
    private final Progress progress;
    private final ConcurrentLinkedQueue<Integer> failedSends = new ConcurrentLinkedQueue<>();
    private volatile Exception firstSendError;
    private final OutcomeReader reader;
    private long sent;
    private long lastActivity;

    LoadDriver(LoadSettings settings, SuiteConnection suite, MessageCodec codec, PrintStream out, long deadline) {
        this.settings = settings;
        this.suite = suite;
        this.codec = codec;
        this.out = out;
        this.deadline = deadline;
        long origin = System.nanoTime();
        this.ledger = new OutcomeLedger("load-" + UUID.randomUUID().toString().substring(0, 8));
        this.series = new ThroughputSeries(origin);
        this.phases = new PhaseClock(origin);
        this.progress = new Progress(out, origin);
        this.reader = new OutcomeReader(suite, codec, ledger, series);
        this.lastActivity = origin;
        phases.begin("setup", origin);
    }

    /** Sends Allocate commands of qty 1 at {@code rate} until {@code count} are sent or {@code duration} passed. */
    void sendAllocates(Phase phase, SkuSpread skus, int rate, int count, Duration duration) {
        sendAllocates(phase, phase.label(), skus, rate, count, duration);
    }

    /** As above, the stage named {@code stage} in progress lines and the report. */
    void sendAllocates(Phase phase, String stage, SkuSpread skus, int rate, int count, Duration duration) {
        long start = System.nanoTime();
        phases.begin(stage, start);
        Pacer pacer = new Pacer(rate);
        long sentHere = 0;
        while (true) {
            long now = System.nanoTime();
            if (duration != null && now - start >= duration.toNanos()) {
                // The loop wakes a little after the phase's end: send what was due before it, room allowing.
                long due = rate == 0 ? 0 : pacer.dueBy(duration.toNanos() - 1) - sentHere;
                long room = settings.maxBacklog() - ledger.owed();
                for (long i = 0; i < Math.min(due, room); i++) {
                    sendAllocate(phase, skus.next());
                }
                break;
            }
            if (count > 0 && sentHere >= count) {
                break;
            }
            checkDeadline(now);
            long due = Math.min(pacer.dueBy(now - start), count > 0 ? count : Long.MAX_VALUE) - sentHere;
            long room = settings.maxBacklog() - ledger.owed();
            long burst = Math.max(0, Math.min(Math.min(due, room), 2_000));
            if (rate != 0 && due > room) {
                phases.heldBack();
            }
            for (long i = 0; i < burst; i++) {
                sendAllocate(phase, skus.next());
            }
            sentHere += burst;
            Duration wait;
            if (room - burst <= 0) {
                wait = SHORT_POLL; // the backlog is full: give the suite time to answer
            } else if (rate == 0) {
                wait = Duration.ZERO;
            } else {
                wait = pacer.wait(sentHere, System.nanoTime() - start, SHORT_POLL);
            }
            pump(wait);
            progress.tick(System.nanoTime(), stage, sent, reader.outcomes(), reader.moved(), ledger.owed());
        }
        phases.end(System.nanoTime());
    }

    /** Sends one Allocate for a new line; returns its sequence number in the ledger. */
    int sendAllocate(Phase phase, String sku) {
        long now = System.nanoTime();
        int seq = ledger.register(phase, now);
        byte[] payload = codec.encode(new Allocate(ledger.orderId(seq), sku, 1));
        suite.send(sku, payload, ledger.commandId(seq), (metadata, error) -> {
            if (error != null) {
                if (firstSendError == null) {
                    firstSendError = error;
                }
                failedSends.add(seq);
            }
        });
        series.add(ThroughputSeries.Count.SENT, now);
        phases.countSent(1);
        sent++;
        lastActivity = now;
        return seq;
    }

    /** Sends any other command (CreateBatch, ChangeBatchQuantity) under a fresh id. */
    void sendCommand(String sku, SpecificRecord command) {
        suite.send(sku, codec.encode(command), "load-" + UUID.randomUUID(), (metadata, error) -> {
            if (error != null && firstSendError == null) {
                firstSendError = error;
            }
        });
        lastActivity = System.nanoTime();
    }

    void flush() {
        suite.flush();
    }

    /**
     * Reads events until every line has the outcomes it owes. Gives up (and says so) after six
     * settle periods without any new event: the final check will name what is missing.
     */
    void awaitOutcomes(String stage) {
        phases.begin(stage, System.nanoTime());
        while (ledger.owed() > 0) {
            pump(SHORT_POLL);
            long now = System.nanoTime();
            checkDeadline(now);
            if (now - lastActivity >= 6 * settings.settle().toNanos()) {
                out.printf(
                        "  no event for %d s while %,d outcomes are owed: going on (the check at the end names them)%n",
                        (now - lastActivity) / 1_000_000_000L, ledger.owed());
                break;
            }
            progress.tick(now, stage, sent, reader.outcomes(), reader.moved(), ledger.owed());
        }
        phases.end(System.nanoTime());
    }

    /**
     * Reads the events topic until it is drained: this reader is at its end and nothing new has come
     * for the settle period (six of them while outcomes are still owed, so a slow suite is not
     * mistaken for a lossy one).
     */
    void drain() {
        phases.begin("drain", System.nanoTime());
        while (true) {
            pump(Duration.ofMillis(100));
            long now = System.nanoTime();
            checkDeadline(now);
            long quietNeeded = settings.settle().toNanos() * (ledger.owed() == 0 ? 1 : 6);
            if (now - lastActivity >= quietNeeded && suite.atEnd()) {
                break;
            }
            progress.tick(now, "draining", sent, reader.outcomes(), reader.moved(), ledger.owed());
        }
        phases.end(System.nanoTime());
    }

    /** Polls the events topic once and books what came; notes commands the producer could not deliver. */
    void pump(Duration timeout) {
        reader.poll(timeout);
        lastActivity = Math.max(lastActivity, reader.lastRecordAt());
        for (Integer seq = failedSends.poll(); seq != null; seq = failedSends.poll()) {
            ledger.sendFailed(seq);
        }
    }

    private void checkDeadline(long now) {
        if (now - deadline >= 0) {
            throw new DeadlineReached();
        }
    }

    OutcomeLedger ledger() {
        return ledger;
    }

    ThroughputSeries series() {
        return series;
    }

    PhaseClock phases() {
        return phases;
    }

    PrintStream out() {
        return out;
    }

    long undecodable() {
        return reader.undecodable();
    }

    /** Where the measured lines' time went, leg by leg. */
    LatencyLegs legs() {
        return reader.legs();
    }

    long redelivered() {
        return reader.redelivered();
    }

    Exception firstSendError() {
        return firstSendError;
    }

    /** The run's --timeout-seconds has passed: whatever was under way stops, the report still comes. */
    static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("the run's timeout has passed", null, false, false);
        }
    }
}
