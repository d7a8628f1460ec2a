package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each HTTPRoute's backends exist (a rendered Service with that port), and the NetworkPolicies let the
 * route's Gateway namespace in to the pods' port behind it: otherwise the route answers 503.
 */
class RoutesReachTheirBackendsTest {

    static List<String> violations(List<ObjectNode> rendered) {
        Egress objects = new Egress(rendered);
        List<String> out = new ArrayList<>();
        for (ObjectNode route : objects.of("HTTPRoute")) {
            String routeName = route.at("/metadata/name").asText();
            String routeNamespace = route.at("/metadata/namespace").asText("default");
            for (JsonNode parent : route.at("/spec/parentRefs")) {
                String gatewayNamespace = parent.path("namespace").asText(routeNamespace);
                for (JsonNode rule : route.at("/spec/rules")) {
                    for (JsonNode backend : rule.path("backendRefs")) {
                        String problem = check(objects, backend, gatewayNamespace);
                        if (problem != null) {
                            out.add("HTTPRoute " + routeName + " -> "
                                    + backend.path("name").asText() + ":"
                                    + backend.path("port").asInt() + ": " + problem);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String check(Egress objects, JsonNode backend, String gatewayNamespace) {
        String name = backend.path("name").asText();
        ObjectNode service = objects.of("Service").stream()
                .filter(s -> s.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElse(null);
        if (service == null) {
            return "no such Service";
        }
        JsonNode servicePort = null;
        for (JsonNode p : service.at("/spec/ports")) {
            if (p.path("port").asInt() == backend.path("port").asInt()) {
                servicePort = p;
            }
        }
        if (servicePort == null) {
            return "the Service has no port " + backend.path("port").asInt();
        }
        String targetPort =
                servicePort.path("targetPort").asText(servicePort.path("port").asText());
        JsonNode selector = service.at("/spec/selector");
        for (ObjectNode policy : objects.of("NetworkPolicy")) {
            if (!Egress.selects(policy.at("/spec/podSelector/matchLabels"), selector)) {
                continue;
            }
            for (JsonNode rule : policy.at("/spec/ingress")) {
                boolean port = !rule.has("ports");
                for (JsonNode p : rule.path("ports")) {
                    port |= p.path("port").asText().equals(targetPort);
                }
                boolean from = !rule.has("from");
                for (JsonNode peer : rule.path("from")) {
                    from |= peer.has("namespaceSelector")
                            && !peer.has("podSelector")
                            && peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                                    .asText()
                                    .equals(gatewayNamespace);
                }
                if (port && from) {
                    return null;
                }
            }
        }
        return "no NetworkPolicy admits namespace " + gatewayNamespace + " to port " + targetPort;
    }

    @ForEveryOverlay
    void everyRouteReachesItsBackends(Path overlay) {
        assertThat(violations(Kustomize.render(overlay))).as("in %s", overlay).isEmpty();
    }

    @Test
    void productionRoutesTheTwoPublicApis() {
        Egress objects = new Egress(Kustomize.render(Kustomize.overlay("production")));

        assertThat(objects.of("HTTPRoute")).hasSize(1);
        List<String> backends = new ArrayList<>();
        objects.of("HTTPRoute")
                .get(0)
                .at("/spec/rules")
                .forEach(r -> r.path("backendRefs")
                        .forEach(b -> backends.add(b.path("name").asText())));
        assertThat(backends).containsExactlyInAnyOrder("orders-service", "stock-view-service");
    }

    @Test
    void aGatewayThePoliciesDoNotAdmitIsCaught() {
        List<ObjectNode> rendered = Kustomize.render(Kustomize.overlay("production"));
        ObjectNode route = new Egress(rendered).of("HTTPRoute").get(0);
        ((ObjectNode) route.at("/spec/parentRefs/0")).put("namespace", "ingress-gateway");

        assertThat(violations(rendered))
                .hasSize(2)
                .allSatisfy(
                        v -> assertThat(v).contains("no NetworkPolicy admits namespace ingress-gateway to port http"));
    }
}
