package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The autoscalers scale what they should on what they should: each KEDA ScaledObject on the lag of
 * its service's own consumer group and topic, never beyond the topic's partition count (more consumers
 * than partitions idle), with the Kafka the service itself uses; the scaled Deployments carry no
 * replica count of their own for an apply to reset.
 */
class ScalingBoundsTest {

    /** The topic each service's consumer group reads (AllocationConfiguration, OrdersConfiguration). */
    private static final Map<String, String> CONSUMED_TOPIC_VARIABLE = Map.of(
            "allocation-service", "COSMICSTOCK_MESSAGING_TOPICS_COMMANDS",
            "orders-service", "COSMICSTOCK_MESSAGING_TOPICS_EVENTS");

    private static JsonNode messagingConfig(Egress objects) {
        return objects.of("ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asText().startsWith("cosmic-stock-messaging"))
                .findFirst()
                .orElseThrow()
                .path("data");
    }

    static List<String> violations(List<ObjectNode> rendered) {
        Egress objects = new Egress(rendered);
        JsonNode messaging = messagingConfig(objects);
        int partitions = Integer.parseInt(
                messaging.path("COSMICSTOCK_MESSAGING_TOPICS_PARTITIONS").asText());
        List<String> out = new ArrayList<>();
        for (ObjectNode scaled : objects.of("ScaledObject")) {
            String name = scaled.at("/metadata/name").asText();
            String target = scaled.at("/spec/scaleTargetRef/name").asText();
            int max = scaled.at("/spec/maxReplicaCount").asInt(100); // KEDA's default is 100
            int min = scaled.at("/spec/minReplicaCount").asInt(0);
            if (max > partitions) {
                out.add(name + ": maxReplicaCount " + max + " exceeds the " + partitions + " partitions");
            }
            if (min < 1 || min > max) {
                out.add(name + ": minReplicaCount " + min + " not within 1.." + max);
            }
            ObjectNode deployment = deployment(objects, target);
            if (deployment == null) {
                out.add(name + ": scales " + target + ", which is not rendered");
                continue;
            }
            if (deployment.at("/spec").has("replicas")) {
                out.add(target + ": has spec.replicas although " + name + " scales it");
            }
            String topicVariable = CONSUMED_TOPIC_VARIABLE.get(target);
            if (topicVariable == null) {
                out.add(name + ": " + target + " has no consumer group to scale on");
                continue;
            }
            for (JsonNode trigger : scaled.at("/spec/triggers")) {
                if (!trigger.path("type").asText().equals("kafka")) {
                    continue;
                }
                JsonNode meta = trigger.path("metadata");
                if (!meta.path("consumerGroup").asText().equals(target)) {
                    out.add(name + ": consumerGroup "
                            + meta.path("consumerGroup").asText() + " is not the group of " + target
                            + " (its application name)");
                }
                String topic = messaging.path(topicVariable).asText();
                if (!meta.path("topic").asText().equals(topic)) {
                    out.add(name + ": topic " + meta.path("topic").asText() + " is not " + topic + " (" + topicVariable
                            + "), which " + target + " consumes");
                }
                String servers =
                        messaging.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText();
                if (!meta.path("bootstrapServers").asText().equals(servers)) {
                    out.add(name + ": bootstrapServers "
                            + meta.path("bootstrapServers").asText() + " is not " + servers + ", the services' Kafka");
                }
                if (meta.path("allowIdleConsumers").asBoolean(false)) {
                    out.add(name + ": allowIdleConsumers lets KEDA go beyond the partition count");
                }
            }
        }
        for (ObjectNode hpa : objects.of("HorizontalPodAutoscaler")) {
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            ObjectNode deployment = deployment(objects, target);
            if (deployment == null) {
                out.add(hpa.at("/metadata/name").asText() + ": scales " + target + ", which is not rendered");
            } else if (deployment.at("/spec").has("replicas")) {
                out.add(target + ": has spec.replicas although an HPA scales it");
            }
        }
        return out;
    }

    private static ObjectNode deployment(Egress objects, String name) {
        return objects.of("Deployment").stream()
                .filter(d -> d.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Test
    void productionScalesBothConsumerGroupsOnLagAndStockViewOnAnHpa() {
        Egress objects = new Egress(Kustomize.render(Kustomize.overlay("production")));

        assertThat(objects.of("ScaledObject"))
                .extracting(s -> s.at("/spec/scaleTargetRef/name").asText())
                .containsExactlyInAnyOrder("allocation-service", "orders-service");
        assertThat(objects.of("HorizontalPodAutoscaler"))
                .extracting(s -> s.at("/spec/scaleTargetRef/name").asText())
                .containsExactly("stock-view-service");
    }

    @ForEveryOverlay
    void autoscalersStayWithinThePartitionsAndScaleOnTheirOwnGroup(Path overlay) {
        assertThat(violations(Kustomize.render(overlay))).as("in %s", overlay).isEmpty();
    }

    @Test
    void moreReplicasThanPartitionsAreCaught() {
        List<ObjectNode> rendered = Kustomize.render(Kustomize.overlay("production"));
        ObjectNode scaled = new Egress(rendered).of("ScaledObject").get(0);
        ((ObjectNode) scaled.path("spec")).put("maxReplicaCount", 13);

        assertThat(violations(rendered))
                .singleElement()
                .asString()
                .contains("maxReplicaCount 13 exceeds the 12 partitions");
    }

    @Test
    void aTriggerOnAnotherGroupIsCaught() {
        List<ObjectNode> rendered = Kustomize.render(Kustomize.overlay("production"));
        ObjectNode scaled = new Egress(rendered)
                .of("ScaledObject").stream()
                        .filter(s -> s.at("/metadata/name").asText().equals("orders-service"))
                        .findFirst()
                        .orElseThrow();
        ((ObjectNode) scaled.at("/spec/triggers/0/metadata")).put("consumerGroup", "allocation-service");

        assertThat(violations(rendered)).singleElement().asString().contains("consumerGroup allocation-service");
    }
}
