package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Whoever is paged can see the metric that paged them: every metric an alert reads is charted by some
 * panel of the dashboard, and the dashboard charts what operating the suite needs beyond the alerts.
 */
class DashboardCoversAlertsTest {

    private static List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        collect(
                Yaml.read(Repository.path(MonitoringComesFromOpsSourcesTest.DASHBOARD))
                        .path("panels"),
                out);
        return out;
    }

    private static void collect(JsonNode panels, List<JsonNode> out) {
        for (JsonNode panel : panels) {
            out.add(panel);
            collect(panel.path("panels"), out); // panels inside collapsed rows
        }
    }

    /** Metric family -> titles of the panels that chart it. */
    private static Map<String, Set<String>> charted() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                for (String metric : PromQl.metrics(target.path("expr").asText())) {
                    out.computeIfAbsent(PromQl.family(metric), k -> new TreeSet<>())
                            .add(panel.path("title").asText());
                }
            }
        }
        return out;
    }

    @Test
    void everyMetricAnAlertReadsIsChartedByAPanel() {
        Map<String, Set<String>> charted = charted();
        Map<String, String> unseen = new TreeMap<>();
        JsonNode rules = Yaml.read(Repository.path(MonitoringComesFromOpsSourcesTest.ALERTS));
        int alerts = 0;
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts++;
                Set<String> metrics = PromQl.metrics(rule.path("expr").asText());
                assertThat(metrics).as("metrics of %s", rule.path("alert")).isNotEmpty();
                for (String metric : metrics) {
                    if (!charted.containsKey(PromQl.family(metric))) {
                        unseen.put(metric, rule.path("alert").asText());
                    }
                }
            }
        }
        assertThat(alerts).isGreaterThanOrEqualTo(10);
        assertThat(unseen)
                .as("metrics alerted on (-> alert) that no panel charts")
                .isEmpty();
    }

    @Test
    void theDashboardChartsLatencyPercentilesJvmPoolAndConsumerLag() {
        Map<String, Set<String>> charted = charted();

        assertThat(charted)
                .containsKeys(
                        "http_server_requests_seconds",
                        "message_handling_seconds",
                        "jvm_memory_used_bytes",
                        "jvm_gc_pause_seconds",
                        "hikaricp_connections_active",
                        "hikaricp_connections_pending",
                        "kafka_consumer_fetch_manager_records_lag",
                        "kafka_producer_record_error_rate");
        List<String> quantiles = panels().stream()
                .flatMap(p ->
                        java.util.stream.StreamSupport.stream(p.path("targets").spliterator(), false))
                .map(t -> t.path("expr").asText())
                .filter(e -> e.startsWith("histogram_quantile("))
                .toList();
        assertThat(quantiles)
                .anySatisfy(e -> assertThat(e).contains("http_server_requests_seconds_bucket"))
                .anySatisfy(e -> assertThat(e).contains("message_handling_seconds_bucket"));
        assertThat(panels())
                .as("a consumer lag panel per consumer group: by application and topic")
                .anySatisfy(
                        p -> assertThat(p.path("targets").path(0).path("expr").asText())
                                .contains("sum by (application, topic) (kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void metricNamesAreFoundInExpressions() {
        assertThat(
                        PromQl.metrics(
                                "histogram_quantile(0.99, sum by (application, le) (rate(projection_lag_seconds_bucket{a=\"x\"}[5m]))) > 5"))
                .containsExactly("projection_lag_seconds_bucket");
        assertThat(
                        PromQl.metrics(
                                "(sum by (application, topic) (kafka_consumer_fetch_manager_records_lag) > 1000)"
                                        + " and (sum by (application, topic) (delta(kafka_consumer_fetch_manager_records_lag[5m])) >= 0)"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag");
        assertThat(PromQl.metrics(
                        "up{job=~\"$job\"} / on (instance) group_left (pod) kube_pod_info{namespace=\"by\"} offset 5m"))
                .containsExactly("kube_pod_info", "up");
        assertThat(PromQl.metrics("sum(rate(x_total{application=~\"$application\"}[$__rate_interval])) / 1e3 + 0.5"))
                .containsExactly("x_total");
        assertThat(PromQl.family("message_handling_seconds_bucket")).isEqualTo("message_handling_seconds");
        assertThat(PromQl.family("outbox_parked")).isEqualTo("outbox_parked");
    }
}
