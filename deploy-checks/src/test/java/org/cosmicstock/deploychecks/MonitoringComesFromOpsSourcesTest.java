package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/ holds the single sources of the monitoring: the alert rules docker compose mounts and promtool
 * tests, and the dashboard Grafana provisions. What the kube-prometheus overlay renders must be those
 * files, not copies that drift.
 */
class MonitoringComesFromOpsSourcesTest {
    static final String ALERTS = "ops/prometheus/alerts.yml";
    static final String RULE = "ops/kubernetes/prometheus-rule.yaml";
    static final String DASHBOARD = "ops/grafana/dashboards/cosmic-stock.json";

    static final String RULE_HEADER = """
            # GENERATED from ops/prometheus/alerts.yml, the single source of the alert rules: do not edit here.
            # deploy-checks (PrometheusRuleSourceTest) fails when this file and that one differ, and writes
            # the regenerated file to deploy-checks/target/generated/prometheus-rule.yaml to copy over this one.
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: cosmic-stock
              labels:
                app.kubernetes.io/part-of: cosmic-stock
                release: kube-prometheus-stack # the label kube-prometheus-stack's Prometheus selects rules by
            spec:
            """;

    /** The PrometheusRule for {@code alerts}: the rule file's text, indented under spec (comments kept). */
    static String prometheusRule(String alerts) {
        StringBuilder out = new StringBuilder(RULE_HEADER);
        for (String line : alerts.split("(?<=\n)")) {
            out.append(line.isBlank() ? "\n" : "  " + line);
        }
        return out.toString();
    }

    private static List<ObjectNode> kubePrometheus() {
        return Kustomize.render(Kustomize.overlay("kube-prometheus"));
    }

    private static ObjectNode one(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o ->
                        name == null || o.path("metadata").path("name").asText().equals(name))
                .toList();
        assertThat(found).as("%s %s rendered", kind, name).hasSize(1);
        return found.get(0);
    }

    @Test
    void thePrometheusRuleFileIsGeneratedFromTheAlertRules() throws IOException {
        String expected = prometheusRule(Files.readString(Repository.path(ALERTS)));
        String actual = Files.readString(Repository.path(RULE));
        if (!expected.equals(actual)) {
            Path regenerated = Path.of("target/generated/prometheus-rule.yaml").toAbsolutePath();
            Files.createDirectories(regenerated.getParent());
            Files.writeString(regenerated, expected);
            fail(RULE + " is not what " + ALERTS + " generates. If alerts.yml is right: cp " + regenerated + " "
                    + Repository.path(RULE));
        }
    }

    @Test
    void theRenderedPrometheusRuleHoldsExactlyTheAlertRules() {
        ObjectNode rule = one(kubePrometheus(), "PrometheusRule", "cosmic-stock");
        JsonNode alerts = Yaml.read(Repository.path(ALERTS));

        assertThat(rule.path("spec")).isEqualTo(alerts);
    }

    @Test
    void theRenderedDashboardConfigMapIsTheDashboardFile() throws IOException {
        ObjectNode configMap = one(kubePrometheus(), "ConfigMap", "cosmic-stock-dashboard");

        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.path("data").path("cosmic-stock.json").asText())
                .isEqualTo(Files.readString(Repository.path(DASHBOARD)));
    }

    @Test
    void promtoolAcceptsTheRulesOfTheRenderedPrometheusRule(@TempDir Path dir) throws IOException {
        ObjectNode rule = one(kubePrometheus(), "PrometheusRule", "cosmic-stock");
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, Yaml.MAPPER.writeValueAsString(rule.path("spec")));

        Promtool.Result result = Promtool.run(dir, "check", "rules", rules.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void theAlertRulesPassTheirUnitTests() {
        Promtool.Result result = Promtool.run(Repository.root(), "test", "rules", "ops/prometheus/alerts.test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /**
     * CosmicStockServiceDown selects the scrape job; compose's scrape config and the PodMonitors must
     * both produce that job, or the alert never fires on one of them.
     */
    @Test
    void theServiceDownAlertsJobIsTheJobOfComposeAndOfEveryPodMonitor() {
        JsonNode serviceDown = null;
        for (JsonNode r : Yaml.read(Repository.path(ALERTS)).at("/groups/0/rules")) {
            if (r.path("alert").asText().equals("CosmicStockServiceDown")) {
                serviceDown = r;
            }
        }
        assertThat(serviceDown).as("CosmicStockServiceDown in " + ALERTS).isNotNull();
        Matcher job = Pattern.compile("job=\"([^\"]+)\"")
                .matcher(serviceDown.path("expr").asText());
        assertThat(job.find())
                .as("a job selector in " + serviceDown.path("expr"))
                .isTrue();

        JsonNode compose = Yaml.read(Repository.path("ops/prometheus/prometheus.yml"));
        assertThat(compose.path("scrape_configs"))
                .as("compose's scrape jobs")
                .anySatisfy(c -> assertThat(c.path("job_name").asText()).isEqualTo(job.group(1)));

        List<ObjectNode> monitors = kubePrometheus().stream()
                .filter(o -> o.path("kind").asText().equals("PodMonitor"))
                .toList();
        assertThat(monitors)
                .extracting(m -> m.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("allocation-service", "orders-service", "stock-view-service");
        for (ObjectNode monitor : monitors) {
            for (JsonNode endpoint : monitor.at("/spec/podMetricsEndpoints")) {
                assertThat(endpoint.path("relabelings"))
                        .as(
                                "PodMonitor %s sets job",
                                monitor.at("/metadata/name").asText())
                        .anySatisfy(r -> {
                            assertThat(r.path("targetLabel").asText()).isEqualTo("job");
                            assertThat(r.path("replacement").asText()).isEqualTo(job.group(1));
                        });
                assertThat(endpoint.path("port").asText()).isEqualTo("management");
                assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
            }
        }
    }

    /**
     * Prometheus (namespace monitoring, pods app.kubernetes.io/name: prometheus, as kube-prometheus-stack
     * labels them) may reach the port each PodMonitor scrapes, through the NetworkPolicies of its pods.
     */
    @Test
    void theNetworkPoliciesLetPrometheusScrapeWhatThePodMonitorsSelect() {
        Egress objects = new Egress(kubePrometheus());
        List<ObjectNode> monitors = objects.of("PodMonitor");
        assertThat(monitors).isNotEmpty();
        for (ObjectNode monitor : monitors) {
            JsonNode selector = monitor.at("/spec/selector/matchLabels");
            ObjectNode deployment = objects.of("Deployment").stream()
                    .filter(d -> contains(d.at("/spec/template/metadata/labels"), selector))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "PodMonitor " + monitor.at("/metadata/name").asText() + " selects no Deployment's pods"));
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            for (JsonNode endpoint : monitor.at("/spec/podMetricsEndpoints")) {
                String port = endpoint.path("port").asText();
                assertThat(deployment.at("/spec/template/spec/containers/0/ports"))
                        .as(
                                "%s has a container port named %s",
                                deployment.at("/metadata/name").asText(), port)
                        .anySatisfy(p -> assertThat(p.path("name").asText()).isEqualTo(port));
                boolean admitted = objects.of("NetworkPolicy").stream()
                        .filter(p -> contains(podLabels, p.at("/spec/podSelector/matchLabels")))
                        .flatMap(p -> java.util.stream.StreamSupport.stream(
                                p.at("/spec/ingress").spliterator(), false))
                        .anyMatch(rule -> java.util.stream.StreamSupport.stream(
                                                rule.path("ports").spliterator(), false)
                                        .anyMatch(rp -> rp.path("port").asText().equals(port))
                                && java.util.stream.StreamSupport.stream(
                                                rule.path("from").spliterator(), false)
                                        .anyMatch(peer -> peer.at(
                                                                "/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                                                        .asText()
                                                        .equals("monitoring")
                                                && contains(PROMETHEUS_POD, peer.at("/podSelector/matchLabels"))));
                assertThat(admitted)
                        .as(
                                "Prometheus may scrape %s:%s",
                                deployment.at("/metadata/name").asText(), port)
                        .isTrue();
            }
        }
    }

    private static final JsonNode PROMETHEUS_POD =
            Yaml.JSON.createObjectNode().put("app.kubernetes.io/name", "prometheus");

    /** Whether {@code labels} has every pair of {@code selector}. */
    private static boolean contains(JsonNode labels, JsonNode selector) {
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
