package org.cosmicstock.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Percentiles of one Prometheus histogram of a running service over a window of time, from the
 * difference of its buckets between two scrapes: how the outbox's commit-to-broker delay
 * ({@code outbox_publish_delay_seconds}) behaved while a load ran. Run it beside the load tool:
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" org.cosmicstock.benchmarks.HistogramWindow \
 *     http://127.0.0.1:8091/actuator/prometheus outbox_publish_delay_seconds 25 60
 * </pre>
 *
 * waits 25 s (the load tool's warm-up), then measures for 60 s (its measured phase).
 */
public final class HistogramWindow {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: HistogramWindow <prometheus-url> <histogram> <start-after-seconds> <seconds>");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        String histogram = args[1];
        Thread.sleep(Duration.ofSeconds(Long.parseLong(args[2])).toMillis());
        Map<Double, Double> before = buckets(url, histogram);
        Thread.sleep(Duration.ofSeconds(Long.parseLong(args[3])).toMillis());
        Map<Double, Double> after = buckets(url, histogram);
        Map<Double, Double> window = new TreeMap<>();
        after.forEach((le, count) -> window.put(le, count - before.getOrDefault(le, 0.0)));
        double total = window.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total == 0) {
            System.out.printf("%s: no observations in the window%n", histogram);
            return;
        }
        System.out.printf(
                "%s over %s s: %,.0f observations, p50 <= %s, p90 <= %s, p99 <= %s%n",
                histogram,
                args[3],
                total,
                upper(window, total, 0.50),
                upper(window, total, 0.90),
                upper(window, total, 0.99));
    }

    /** The bucket bound under which the quantile falls (a histogram knows no finer). */
    private static String upper(Map<Double, Double> cumulative, double total, double quantile) {
        for (var bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= quantile * total) {
                double le = bucket.getKey();
                return Double.isInfinite(le) ? "+Inf" : String.format("%.1f ms", le * 1000);
            }
        }
        return "+Inf";
    }

    private static Map<Double, Double> buckets(URI url, String histogram) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Map<Double, Double> buckets = new TreeMap<>();
        String prefix = histogram + "_bucket{";
        for (String line : body.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int le = line.indexOf("le=\"");
            String bound = line.substring(le + 4, line.indexOf('"', le + 4));
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            buckets.merge(
                    bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), value, Double::sum);
        }
        return buckets;
    }
}
