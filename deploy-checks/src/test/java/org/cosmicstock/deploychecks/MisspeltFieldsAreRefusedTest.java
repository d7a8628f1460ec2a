package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Each row: a rendered object, where its field is, the field and its misspelling, which a violation names;
     * {@code one} where the misspelling must be the only violation.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a NetworkPolicy rule      | production      | NetworkPolicy           | allocation-service-egress | /spec/egress/1/to/0         | namespaceSelector | namespaceSelecter | one",
                "a PodMonitor, by its CRD  | kube-prometheus | PodMonitor              | allocation-service        | /spec/podMetricsEndpoints/0 | path              | pth               | some",
                "a PrometheusRule, its CRD | kube-prometheus | PrometheusRule          | cosmic-stock              | /spec/groups/0/rules/0      | expr              | expression        | some",
                "a ScaledObject, its CRD   | production      | ScaledObject            | orders-service            | /spec                       | maxReplicaCount   | maxReplicasCount  | some",
                "an HPA                    | production      | HorizontalPodAutoscaler | stock-view-service        | /spec                       | maxReplicas       | maxReplica        | one",
                "a Strimzi KafkaTopic      | local           | KafkaTopic              | allocation.events         | /spec                       | partitions        | partition         | some",
                "a CloudNativePG Cluster   | local           | Cluster                 | postgres                  | /spec                       | instances         | instance          | some",
            })
    void aMisspeltFieldFailsAgainstItsSchema(
            String what,
            String overlay,
            String kind,
            String name,
            String pointer,
            String field,
            String misspelt,
            String violations) {
        ObjectNode object = rendered(overlay, kind, name);
        assertThat(ApiSchemas.violations(object)).as("%s as rendered", what).isEmpty();

        rename(object.at(pointer), field, misspelt);

        List<String> found = ApiSchemas.violations(object);
        assertThat(found).as(what).isNotEmpty().anySatisfy(v -> assertThat(v).contains(misspelt));
        if (violations.equals("one")) {
            assertThat(found).as("%s: the misspelling only", what).hasSize(1);
        }
    }

    @Test
    void aKindWithoutASchemaFails() {
        ObjectNode unknown = rendered("production", "Service", "orders-service");
        unknown.put("kind", "Servic");

        assertThat(ApiSchemas.violations(unknown)).singleElement().asString().contains("no schema for v1 Servic");
    }
}
