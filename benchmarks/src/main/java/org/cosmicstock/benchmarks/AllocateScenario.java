package org.cosmicstock.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cosmicstock.schemas.commands.CreateBatch;

/**
 * One big batch per SKU, then (optionally) --lines-per-sku lines allocated before measuring, a
 * warm-up and the measured phase of Allocate commands at the set rate.
 */
final class AllocateScenario implements Scenario {

    private final LoadSettings s;

    AllocateScenario(LoadSettings settings) {
        this.s = settings;
    }

    @Override
    public void execute(LoadDriver d) {
        List<String> skus = IntStream.range(0, s.skus()).mapToObj(s::sku).toList();
        d.out()
                .printf(
                        "Creating batch-<sku> of %,d units for each of %,d SKUs (%s .. %s)%n",
                        LoadSettings.MAX_QTY, skus.size(), skus.get(0), skus.get(skus.size() - 1));
        for (String sku : skus) {
            // A batch that exists from an earlier run with this prefix is skipped by the suite, not replaced.
            d.sendCommand(sku, new CreateBatch("batch-" + sku, sku, LoadSettings.MAX_QTY, null));
        }
        d.flush();
        if (s.linesPerSku() > 0) {
            int lines = s.linesPerSku() * s.skus();
            d.out().printf("Preload: %,d lines per SKU (%,d Allocate commands, sent fast)%n", s.linesPerSku(), lines);
            d.sendAllocates(Phase.PRELOAD, SkuSpread.roundRobin(skus), 0, lines, null);
            d.awaitOutcomes("preload-wait");
        }
        SkuSpread spread = SkuSpread.of(s.spread(), skus, s.seed());
        if (!s.warmup().isZero()) {
            d.out()
                    .printf(
                            "Warm-up: %d s at %s (not in the figures)%n",
                            s.warmup().toSeconds(), rate());
            d.sendAllocates(Phase.WARMUP, spread, s.rate(), 0, s.warmup());
        }
        d.out()
                .printf(
                        "Measuring: %s at %s%n",
                        s.measure() == null
                                ? String.format("%,d commands", s.commands())
                                : s.measure().toSeconds() + " s",
                        rate());
        d.sendAllocates(Phase.MEASURED, spread, s.rate(), s.commands(), s.measure());
        d.flush();
        d.out().println("Sent; reading allocation events until the topic is drained...");
        d.drain();
        if (d.legs().count() > 0) {
            d.out().println("Where the time went: " + d.legs().describe());
        }
    }

    private String rate() {
        return s.unboundedRate() ? "max rate (backlog up to " + s.maxBacklog() + ")" : s.rate() + "/s";
    }

    @Override
    public String summary(LoadDriver d) {
        Figures f = new Figures(d);
        var l = f.latency;
        PhaseClock.Span measured = d.phases().span(Phase.MEASURED.label());
        String heldBack = measured != null && measured.heldBack
                ? " (held back: " + s.maxBacklog() + " outcomes owed, --max-backlog)"
                : "";
        return String.format(
                "offered %,.1f/s%s | achieved %,.1f outcomes/s | command->event p50 %.1f ms p90 %.1f ms p99 %.1f ms"
                        + " max %.1f ms | outcomes %,d of %,d measured",
                f.offered, heldBack, f.achieved, l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs(), f.answered, f.sent);
    }

    @Override
    public Map<String, Object> figures(LoadDriver d) {
        Figures f = new Figures(d);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("measuredSent", f.sent);
        map.put("measuredOutcomes", f.answered);
        map.put("offeredPerSecond", round(f.offered));
        map.put("achievedOutcomesPerSecond", round(f.achieved));
        map.put("achievedWindowSeconds", round(f.window));
        map.put("latencyMs", RunReport.latency(f.latency));
        map.put("latencyLegsMs", d.legs().toMap());
        map.put("measuredAllocated", f.allocated);
        map.put("measuredOutOfStock", f.outOfStock);
        map.put("measuredRejected", f.rejected);
        return map;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * Offered: measured commands over the time they took to send. Achieved: every outcome (of any
     * phase) that arrived between the start of the measured phase and the last measured outcome, over
     * that window, so a backlog from the warm-up still counts as work the suite did then.
     */
    private static final class Figures {
        int sent;
        int answered;
        int allocated;
        int outOfStock;
        int rejected;
        double offered;
        double achieved;
        double window;
        final Latencies.LatencySummary latency;

        Figures(LoadDriver d) {
            OutcomeLedger ledger = d.ledger();
            latency = ledger.measuredLatencies().summary();
            PhaseClock.Span span = d.phases().span(Phase.MEASURED.label());
            if (span == null) {
                return;
            }
            long lastOutcome = Long.MIN_VALUE;
            for (int seq = 0; seq < ledger.size(); seq++) {
                OutcomeLedger.Order o = ledger.order(seq);
                if (o.phase == Phase.MEASURED) {
                    sent++;
                    allocated += o.allocated;
                    outOfStock += o.outOfStock;
                    rejected += o.rejected;
                    if (o.firstOutcomeAt != OutcomeLedger.NONE) {
                        answered++;
                        lastOutcome = Math.max(lastOutcome, o.firstOutcomeAt);
                    }
                }
            }
            long sendEnd = span.endNanos < 0 ? System.nanoTime() : span.endNanos;
            offered = sent / Math.max(1e-3, (sendEnd - span.startNanos) / 1e9);
            if (answered == 0) {
                return;
            }
            int inWindow = 0;
            for (int seq = 0; seq < ledger.size(); seq++) {
                long at = ledger.order(seq).firstOutcomeAt;
                if (at != OutcomeLedger.NONE && at >= span.startNanos && at <= lastOutcome) {
                    inWindow++;
                }
            }
            window = (lastOutcome - span.startNanos) / 1e9;
            achieved = inWindow / Math.max(1e-3, window);
        }
    }
}
