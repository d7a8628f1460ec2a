package org.cosmicstock.benchmarks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;

/**
 * Per SKU a warehouse batch and a later one, each of L units; L lines of one unit are allocated (to
 * the warehouse batch, which the rules prefer), then one ChangeBatchQuantity shrinks the warehouse
 * batch to 0, so all L lines are deallocated and must each be allocated again, to the later batch.
 * Measured: lines re-allocated per second, from the first ChangeBatchQuantity sent to the last
 * re-allocation received.
 */
final class ReallocateScenario implements Scenario {

    private final LoadSettings s;
    private int firstSeq = -1;
    private int lines;
    private long firstChange = OutcomeLedger.NONE;

    ReallocateScenario(LoadSettings settings) {
        this.s = settings;
    }

    @Override
    public void execute(LoadDriver d) {
        if (!s.warmup().isZero()) {
            d.out().println("Warm-up round on separate SKUs (not in the figures)");
            round(
                    d,
                    Phase.WARMUP,
                    IntStream.range(0, s.skus())
                            .mapToObj(n -> s.skuPrefix() + "-warmup-" + n)
                            .toList());
        }
        d.out().println("Measured round");
        round(d, Phase.PRELOAD, IntStream.range(0, s.skus()).mapToObj(s::sku).toList());
        d.out().println("Reading allocation events until the topic is drained...");
        d.drain();
    }

    private void round(LoadDriver d, Phase phase, List<String> skus) {
        String stage = phase == Phase.WARMUP ? "warmup" : "measured";
        int l = s.linesPerSku();
        for (String sku : skus) {
            d.sendCommand(sku, new CreateBatch(sku + "-now", sku, l, null));
            d.sendCommand(
                    sku, new CreateBatch(sku + "-later", sku, l, LocalDate.now().plusDays(30)));
        }
        d.flush();
        d.out().printf("  %s: allocating %,d lines to each of %,d SKUs%n", stage, l, skus.size());
        int first = d.ledger().size();
        d.sendAllocates(phase, stage + "-allocate", SkuSpread.roundRobin(skus), 0, l * skus.size(), null);
        d.awaitOutcomes(stage + "-wait");
        OutcomeLedger ledger = d.ledger();
        int notAllocated = 0;
        for (int seq = first; seq < ledger.size(); seq++) {
            if (ledger.order(seq).allocated != 1) {
                notAllocated++;
            }
        }
        if (notAllocated > 0) {
            d.out()
                    .printf(
                            "  %,d lines were not allocated before the move (batches left from an earlier run with this"
                                    + " --sku-prefix?); they are not asked to move%n",
                            notAllocated);
        }
        d.out()
                .printf(
                        "  %s: shrinking %,d warehouse batches to 0, so %,d lines move%n",
                        stage, skus.size(), l * skus.size());
        long started = System.nanoTime();
        for (int n = 0; n < skus.size(); n++) {
            String sku = skus.get(n);
            long at = System.nanoTime();
            d.sendCommand(sku, new ChangeBatchQuantity(sku + "-now", 0, sku));
            for (int seq = first + n; seq < ledger.size(); seq += skus.size()) {
                if (ledger.order(seq).allocated == 1) {
                    ledger.moveRequested(seq, at);
                }
            }
        }
        d.flush();
        if (phase != Phase.WARMUP) {
            firstSeq = first;
            lines = ledger.size() - first;
            firstChange = started;
        }
        d.awaitOutcomes(stage + "-move");
    }

    @Override
    public String summary(LoadDriver d) {
        Moves m = new Moves(d);
        var l = d.ledger().moveLatencies().summary();
        return String.format(
                "%,d of %,d lines moved by %,d ChangeBatchQuantity in %.2f s = %,.1f lines/s | change->re-allocated"
                        + " p50 %.1f ms p90 %.1f ms p99 %.1f ms max %.1f ms",
                m.moved, lines, s.skus(), m.window, m.perSecond, l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs());
    }

    @Override
    public Map<String, Object> figures(LoadDriver d) {
        Moves m = new Moves(d);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("changeBatchQuantitySent", firstSeq < 0 ? 0 : s.skus());
        map.put("linesToMove", lines);
        map.put("linesMoved", m.moved);
        map.put("windowSeconds", AllocateScenario.round(m.window));
        map.put("linesMovedPerSecond", AllocateScenario.round(m.perSecond));
        map.put(
                "changeToReallocatedMs",
                RunReport.latency(d.ledger().moveLatencies().summary()));
        return map;
    }

    /** Re-allocations of the measured round and the window they took. */
    private final class Moves {
        int moved;
        double window;
        double perSecond;

        Moves(LoadDriver d) {
            if (firstSeq < 0) {
                return;
            }
            long last = Long.MIN_VALUE;
            for (int seq = firstSeq; seq < firstSeq + lines; seq++) {
                long at = d.ledger().order(seq).reallocatedAt;
                if (at != OutcomeLedger.NONE) {
                    moved++;
                    last = Math.max(last, at);
                }
            }
            if (moved > 0) {
                window = (last - firstChange) / 1e9;
                perSecond = moved / Math.max(1e-3, window);
            }
        }
    }
}
