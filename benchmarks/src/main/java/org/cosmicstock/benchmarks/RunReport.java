package org.cosmicstock.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON report of a run: settings, phases, figures, the exactly-once check, a per-second series. */
final class RunReport {

    private RunReport() {}

    static Map<String, Object> build(
            LoadSettings s,
            Instant startedAt,
            LoadDriver d,
            Scenario scenario,
            ExactlyOnceCheck check,
            boolean drained,
            String verdict,
            int exitCode,
            String summary) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("tool", "cosmic-stock load tool");
        report.put("startedAt", startedAt.toString());
        report.put("verdict", verdict);
        report.put("exitCode", exitCode);
        report.put("drained", drained);
        report.put("summary", summary);
        report.put("settings", settings(s));
        report.put("phases", d.phases().rows());
        report.put("figures", scenario.figures(d));
        report.put("check", check.toMap());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("linesSent", d.ledger().size());
        counts.put("outcomesOwed", d.ledger().owed());
        counts.put("undecodableEvents", d.undecodable());
        counts.put("redeliveredEvents", d.redelivered());
        report.put("counts", counts);
        report.put("throughputPerSecond", d.series().rows(d.phases()));
        return report;
    }

    static void write(Path path, Map<String, Object> report) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), report);
    }

    static Map<String, Object> latency(Latencies.LatencySummary l) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", l.count());
        map.put("p50", micros(l.p50Ms()));
        map.put("p90", micros(l.p90Ms()));
        map.put("p99", micros(l.p99Ms()));
        map.put("max", micros(l.maxMs()));
        return map;
    }

    /** Milliseconds to the microsecond: finer than that is noise. */
    private static double micros(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static Map<String, Object> settings(LoadSettings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
        map.put("bootstrap", s.bootstrap());
        map.put("commandsTopic", s.commandsTopic());
        map.put("eventsTopic", s.eventsTopic());
        map.put("rate", s.unboundedRate() ? "max" : s.rate());
        map.put("seconds", s.measure() == null ? null : s.measure().toSeconds());
        map.put("commands", s.commands() == 0 ? null : s.commands());
        map.put("warmupSeconds", s.warmup().toSeconds());
        map.put("skus", s.skus());
        map.put("skuPrefix", s.skuPrefix());
        map.put("spread", s.spread().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        map.put("seed", s.seed());
        map.put("linesPerSku", s.linesPerSku());
        map.put("maxBacklog", s.maxBacklog());
        map.put("timeoutSeconds", s.timeout().toSeconds());
        map.put("settleSeconds", s.settle().toSeconds());
        map.put("connectTimeoutSeconds", s.connectTimeout().toSeconds());
        return map;
    }
}
