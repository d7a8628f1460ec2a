package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies let each service reach what its configuration points it at (and DNS), and
 * nothing anywhere: a URL on a port the policies do not open is a pod that cannot start.
 */
class EgressMatchesTheConfigurationTest {

    static List<String> unreachable(List<ObjectNode> objects) {
        Egress egress = new Egress(objects);
        List<String> out = new ArrayList<>();
        for (Egress.Endpoint endpoint : egress.endpoints()) {
            if (egress.allowing(endpoint).isEmpty()) {
                out.add(endpoint + ": no egress rule allows it");
            }
        }
        return out;
    }

    @ForEveryOverlay
    void everyConfiguredEndpointIsAllowedOut(Path overlay) {
        List<ObjectNode> objects = Kustomize.render(overlay);
        Egress egress = new Egress(objects);
        assertThat(egress.endpoints()).as("endpoints configured in %s", overlay).isNotEmpty();

        assertThat(unreachable(objects)).as("in %s", overlay).isEmpty();
    }

    @ForEveryOverlay
    void everyServiceMayResolveNamesThroughKubeDnsAndANodeLocalCache(Path overlay) {
        Egress egress = new Egress(Kustomize.render(overlay));
        for (ObjectNode deployment : egress.of("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            List<JsonNode> dnsPeers = new ArrayList<>();
            for (ObjectNode policy : egress.egressPolicies(name)) {
                for (JsonNode rule : policy.at("/spec/egress")) {
                    if (Egress.allowsPort(rule.path("ports"), 53, "UDP")
                            && Egress.allowsPort(rule.path("ports"), 53, "TCP")) {
                        rule.path("to").forEach(dnsPeers::add);
                    }
                }
            }
            assertThat(dnsPeers)
                    .as("%s in %s: DNS to kube-dns", name, overlay)
                    .anySatisfy(p -> assertThat(
                                    p.at("/podSelector/matchLabels/k8s-app").asText())
                            .isEqualTo("kube-dns"));
            assertThat(dnsPeers)
                    .as("%s in %s: DNS to NodeLocal DNSCache's link-local address", name, overlay)
                    .anySatisfy(p -> assertThat(p.at("/ipBlock/cidr").asText()).isEqualTo("169.254.20.10/32"));
        }
    }

    @ForEveryOverlay
    void noEgressRuleOpensAPortToEveryAddress(Path overlay) {
        Egress egress = new Egress(Kustomize.render(overlay));
        for (ObjectNode policy : egress.of("NetworkPolicy")) {
            int i = 0;
            for (JsonNode rule : policy.at("/spec/egress")) {
                assertThat(rule.path("to"))
                        .as(
                                "%s egress[%d] in %s names its destinations",
                                policy.at("/metadata/name").asText(), i, overlay)
                        .isNotEmpty();
                i++;
            }
        }
    }

    /** The production overlay's schema registry on 8443 behind policies that opened 8080 (issue 20). */
    @Test
    void aRegistryPortThePoliciesDoNotOpenIsCaught() {
        List<ObjectNode> objects = Kustomize.render(Kustomize.overlay("production"));
        assertThat(unreachable(objects)).isEmpty();

        for (ObjectNode policy : new Egress(objects).of("NetworkPolicy")) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                for (JsonNode port : rule.path("ports")) {
                    if (port.path("port").asInt() == 8443) {
                        ((ObjectNode) port).put("port", 8080);
                    }
                }
            }
        }

        assertThat(unreachable(objects))
                .hasSize(3)
                .allSatisfy(
                        v -> assertThat(v)
                                .contains(
                                        "COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL schema-registry.platform.svc.cluster.local:8443"));
    }

    @Test
    void aHostInAnotherNamespaceThanThePolicyAllowsIsCaught() {
        List<ObjectNode> objects = Kustomize.render(Kustomize.overlay("production"));
        int changed = 0;
        for (ObjectNode map : new Egress(objects).of("ConfigMap")) {
            if (map.at("/metadata/name").asText().startsWith("orders-service-config-")) { // name-hash suffix
                ((ObjectNode) map.path("data"))
                        .put("SPRING_DATASOURCE_URL", "jdbc:postgresql://orders-db.databases.svc:5432/orders");
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);

        assertThat(unreachable(objects))
                .singleElement()
                .asString()
                .contains("orders-service -> SPRING_DATASOURCE_URL orders-db.databases.svc:5432 (namespace databases)");
    }

    @Test
    void hostNamesGiveTheirNamespace() {
        assertThat(Egress.namespace("kafka", "cosmic-stock")).isEqualTo("cosmic-stock");
        assertThat(Egress.namespace("kafka.platform", "cosmic-stock")).isEqualTo("platform");
        assertThat(Egress.namespace("kafka-0.kafka.platform.svc.cluster.local", "x"))
                .isEqualTo("platform");
        assertThat(Egress.namespace("schema-registry.platform.svc.cluster.local", "x"))
                .isEqualTo("platform");
        assertThat(Egress.namespace("db.example.com", "x")).isNull();
        assertThat(Egress.namespace("10.0.0.1", "x")).isNull();
    }
}
