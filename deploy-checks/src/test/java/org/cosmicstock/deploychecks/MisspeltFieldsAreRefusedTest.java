package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation of {@link OverlaysMatchTheApiSchemaTest} fails for the mistakes it is there for: each
 * case takes a real rendered object, valid as rendered, and breaks one field.
 */
class MisspeltFieldsAreRefusedTest {

    private static ObjectNode rendered(String overlay, String kind, String name) {
        return Kustomize.render(Kustomize.overlay(overlay)).stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in overlay " + overlay));
    }

    private static void rename(JsonNode parent, String from, String to) {
        ObjectNode object = (ObjectNode) parent;
        assertThat(object.has(from))
                .as("field %s present before the change", from)
                .isTrue();
        object.set(to, object.remove(from));
    }

    @Test
    void aMisspeltFieldInADeploymentsContainerFails() {
        ObjectNode deployment = rendered("production", "Deployment", "orders-service");
        assertThat(ApiSchemas.violations(deployment)).isEmpty();

        rename(deployment.at("/spec/template/spec/containers/0"), "readinessProbe", "readinesProbe");

        assertThat(ApiSchemas.violations(deployment))
                .singleElement()
                .asString()
                .contains("readinesProbe")
                .contains("spec.template.spec.containers[0]");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        ObjectNode service = rendered("production", "Service", "orders-service");
        assertThat(ApiSchemas.violations(service)).isEmpty();

        ((ObjectNode) service.at("/spec/ports/0")).put("port", "eighty");

        assertThat(ApiSchemas.violations(service)).singleElement().asString().contains("spec.ports[0].port");
    }

    @Test
    void aMisspeltFieldInANetworkPolicyRuleFails() {
        ObjectNode policy = rendered("production", "NetworkPolicy", "allocation-service-egress");
        assertThat(ApiSchemas.violations(policy)).isEmpty();

        rename(policy.at("/spec/egress/1/to/0"), "namespaceSelector", "namespaceSelecter");

        assertThat(ApiSchemas.violations(policy)).singleElement().asString().contains("namespaceSelecter");
    }

    @Test
    void aMisspeltFieldInAPodMonitorFailsAgainstItsCrd() {
        ObjectNode monitor = rendered("kube-prometheus", "PodMonitor", "allocation-service");
        assertThat(ApiSchemas.violations(monitor)).isEmpty();

        rename(monitor.at("/spec/podMetricsEndpoints/0"), "path", "pth");

        List<String> violations = ApiSchemas.violations(monitor);
        assertThat(violations).isNotEmpty().anySatisfy(v -> assertThat(v).contains("pth"));
    }

    @Test
    void aMisspeltFieldInAPrometheusRuleFailsAgainstItsCrd() {
        ObjectNode rule = rendered("kube-prometheus", "PrometheusRule", "cosmic-stock");
        assertThat(ApiSchemas.violations(rule)).isEmpty();

        rename(rule.at("/spec/groups/0/rules/0"), "expr", "expression");

        assertThat(ApiSchemas.violations(rule))
                .isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains("expression"));
    }

    @Test
    void aKindWithoutASchemaFails() {
        ObjectNode unknown = rendered("production", "Service", "orders-service");
        unknown.put("kind", "Servic");

        assertThat(ApiSchemas.violations(unknown)).singleElement().asString().contains("no schema for v1 Servic");
    }

    @Test
    void aMisspeltFieldInAScaledObjectFailsAgainstItsCrd() {
        ObjectNode scaled = rendered("production", "ScaledObject", "orders-service");
        assertThat(ApiSchemas.violations(scaled)).isEmpty();

        rename(scaled.path("spec"), "maxReplicaCount", "maxReplicasCount");

        assertThat(ApiSchemas.violations(scaled))
                .isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains("maxReplicasCount"));
    }

    @Test
    void aMisspeltFieldInAnHpaFails() {
        ObjectNode hpa = rendered("production", "HorizontalPodAutoscaler", "stock-view-service");
        assertThat(ApiSchemas.violations(hpa)).isEmpty();

        rename(hpa.path("spec"), "maxReplicas", "maxReplica");

        assertThat(ApiSchemas.violations(hpa)).singleElement().asString().contains("maxReplica");
    }

    @Test
    void misspeltFieldsInStrimziAndCloudNativePgObjectsFailAgainstTheirCrds() {
        ObjectNode topic = rendered("local", "KafkaTopic", "allocation.events");
        ObjectNode cluster = rendered("local", "Cluster", "postgres");
        assertThat(ApiSchemas.violations(topic)).isEmpty();
        assertThat(ApiSchemas.violations(cluster)).isEmpty();

        rename(topic.path("spec"), "partitions", "partition");
        rename(cluster.path("spec"), "instances", "instance");

        assertThat(ApiSchemas.violations(topic)).anySatisfy(v -> assertThat(v).contains("partition"));
        assertThat(ApiSchemas.violations(cluster)).anySatisfy(v -> assertThat(v).contains("instance"));
    }
}
