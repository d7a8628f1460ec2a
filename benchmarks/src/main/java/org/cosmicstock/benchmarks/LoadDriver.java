package org.cosmicstock.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

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
    private long sent;
    private long outcomes;
    private long moved;
    private long undecodable;
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
        this.lastActivity = origin;
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
            if ((duration != null && now - start >= duration.toNanos()) || (count > 0 && sentHere >= count)) {
                break;
            }
            checkDeadline(now);
            long due = Math.min(pacer.dueBy(now - start), count > 0 ? count : Long.MAX_VALUE) - sentHere;
            long room = settings.maxBacklog() - ledger.owed();
            long burst = Math.max(0, Math.min(Math.min(due, room), 2_000));
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
                long untilNext = pacer.nanosUntil(sentHere, System.nanoTime() - start);
                wait = Duration.ofNanos(Math.min(untilNext, SHORT_POLL.toNanos()));
            }
            pump(wait);
            progress.tick(System.nanoTime(), stage, sent, outcomes, moved, ledger.owed());
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
            progress.tick(now, stage, sent, outcomes, moved, ledger.owed());
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
            progress.tick(now, "draining", sent, outcomes, moved, ledger.owed());
        }
        phases.end(System.nanoTime());
    }

    /** Polls once and books every event about this run's lines. */
    void pump(Duration timeout) {
        var records = suite.poll(timeout);
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            lastActivity = now;
            SpecificRecord event;
            try {
                event = codec.decode(record.value());
            } catch (RuntimeException e) {
                undecodable++;
                continue;
            }
            book(event, header(record, "ce_causationid"), now);
        }
        for (Integer seq = failedSends.poll(); seq != null; seq = failedSends.poll()) {
            ledger.sendFailed(seq);
        }
    }

    private void book(SpecificRecord event, String causation, long now) {
        OutcomeLedger.Effect effect;
        if (event instanceof Allocated e) {
            effect = ledger.record(OutcomeLedger.Kind.ALLOCATED, e.getOrderId(), causation, now);
        } else if (event instanceof OutOfStock e) {
            effect = ledger.record(OutcomeLedger.Kind.OUT_OF_STOCK, e.getOrderId(), causation, now);
        } else if (event instanceof AllocationRejected e) {
            effect = ledger.record(OutcomeLedger.Kind.REJECTED, e.getOrderId(), causation, now);
        } else if (event instanceof Deallocated e) {
            effect = ledger.record(OutcomeLedger.Kind.DEALLOCATED, e.getOrderId(), causation, now);
        } else {
            return;
        }
        if (effect == OutcomeLedger.Effect.FIRST_OUTCOME) {
            outcomes++;
            series.add(ThroughputSeries.Count.OUTCOMES, now);
        } else if (effect == OutcomeLedger.Effect.REALLOCATED) {
            moved++;
            series.add(ThroughputSeries.Count.MOVED, now);
        }
    }

    private void checkDeadline(long now) {
        if (now - deadline >= 0) {
            throw new DeadlineReached();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
        return undecodable;
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
