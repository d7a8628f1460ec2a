package org.cosmicstock.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * Which network destinations a rendered overlay configures for each Deployment (every URL and the Kafka
 * bootstrap servers in its environment, from its ConfigMaps and literal env values), and whether the
 * NetworkPolicies selecting its pods let it reach them: the port, and the namespace the host is in
 * ({@code name} is the pod's own namespace; {@code name.ns} and {@code [pod.]name.ns.svc[.cluster.local]} are
 * in the namespace {@code ns}). Values from Secrets are not known here and are not checked.
 */
final class Egress {
    record Endpoint(String deployment, String variable, String host, int port, String namespace) {
        @Override
        public String toString() {
            return deployment + " -> " + variable + " " + host + ":" + port + " (namespace "
                    + (namespace == null ? "outside the cluster" : namespace) + ")";
        }
    }

    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("http", 80, "https", 443, "redis", 6379, "rediss", 6379, "postgresql", 5432);

    private final List<ObjectNode> objects;

    Egress(List<ObjectNode> objects) {
        this.objects = objects;
    }

    List<ObjectNode> of(String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    /** Every destination each Deployment is configured to connect to. */
    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (ObjectNode deployment : of("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            String namespace = deployment.at("/metadata/namespace").asText("default");
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                for (Entry<String, String> env : environment(container).entrySet()) {
                    out.addAll(parse(name, namespace, env.getKey(), env.getValue()));
                }
            }
        }
        return out;
    }

    /** A container's environment as far as the manifests know it: null for a value from a Secret. */
    private Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.at("/configMapRef/name").asText(null);
            if (configMap == null) {
                continue;
            }
            ObjectNode data = (ObjectNode) of("ConfigMap").stream()
                    .filter(c -> c.at("/metadata/name").asText().equals(configMap))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("envFrom names a ConfigMap not rendered: " + configMap))
                    .path("data");
            for (Iterator<Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Entry<String, JsonNode> e = it.next();
                env.put(e.getKey(), e.getValue().asText());
            }
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : null);
        }
        return env;
    }

    private static List<Endpoint> parse(String deployment, String namespace, String variable, String value) {
        List<Endpoint> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        if (variable.equals("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            for (String server : value.split(",")) {
                String s = server.trim();
                int colon = s.lastIndexOf(':');
                String host = s.substring(0, colon);
                out.add(new Endpoint(
                        deployment,
                        variable,
                        host,
                        Integer.parseInt(s.substring(colon + 1)),
                        namespace(host, namespace)));
            }
            return out;
        }
        String url = value.startsWith("jdbc:") ? value.substring("jdbc:".length()) : value;
        if (!url.matches("^[a-z][a-z0-9+.-]*://.*")) {
            return out;
        }
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (host == null) {
            throw new AssertionError(variable + "=" + value + ": no host");
        }
        Integer port = uri.getPort() != -1 ? Integer.valueOf(uri.getPort()) : DEFAULT_PORTS.get(uri.getScheme());
        if (port == null) {
            throw new AssertionError(variable + "=" + value + ": no port, and no default for " + uri.getScheme());
        }
        out.add(new Endpoint(deployment, variable, host, port, namespace(host, namespace)));
        return out;
    }

    /** The namespace a Service host name is in; null for an address outside the cluster. */
    static String namespace(String host, String own) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return null;
        }
        String[] labels = host.split("\\.");
        if (labels.length == 1) {
            return own;
        }
        int svc = java.util.Arrays.asList(labels).indexOf("svc");
        if (svc >= 2) {
            return labels[svc - 1]; // service.ns.svc..., or pod.service.ns.svc... (a StatefulSet's pods)
        }
        return labels.length == 2 ? labels[1] : null;
    }

    /** The NetworkPolicies with egress rules that select the Deployment's pods. */
    List<ObjectNode> egressPolicies(String deployment) {
        ObjectNode d = of("Deployment").stream()
                .filter(o -> o.at("/metadata/name").asText().equals(deployment))
                .findFirst()
                .orElseThrow();
        JsonNode labels = d.at("/spec/template/metadata/labels");
        return of("NetworkPolicy").stream()
                .filter(p -> p.at("/metadata/namespace")
                        .asText("default")
                        .equals(d.at("/metadata/namespace").asText("default")))
                .filter(p -> selects(p.at("/spec/podSelector/matchLabels"), labels))
                .filter(p -> {
                    for (JsonNode type : p.at("/spec/policyTypes")) {
                        if (type.asText().equals("Egress")) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
    }

    /** Whether a selector's matchLabels select what carries {@code labels} (every one of them equal). */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        for (Iterator<Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Entry<String, JsonNode> e = it.next();
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** The first egress rule letting {@code endpoint} through, if any. */
    Optional<String> allowing(Endpoint endpoint) {
        for (ObjectNode policy : egressPolicies(endpoint.deployment())) {
            String policyNamespace = policy.at("/metadata/namespace").asText("default");
            int i = 0;
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (allowsPort(rule.path("ports"), endpoint.port(), "TCP")
                        && allowsPeer(rule.path("to"), endpoint, policyNamespace)) {
                    return Optional.of(policy.at("/metadata/name").asText() + " egress[" + i + "]");
                }
                i++;
            }
        }
        return Optional.empty();
    }

    static boolean allowsPort(JsonNode ports, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            if (!p.has("port")) {
                return true;
            }
            if (p.path("port").isInt()) { // a named port cannot be resolved here: it does not count
                int from = p.path("port").asInt();
                int to = p.path("endPort").asInt(from);
                if (from <= port && port <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allowsPeer(JsonNode to, Endpoint endpoint, String policyNamespace) {
        if (to.isMissingNode() || to.isEmpty()) {
            return true;
        }
        for (JsonNode peer : to) {
            if (endpoint.namespace() == null) {
                continue; // outside the cluster: only an ipBlock could allow it, and names are not resolved here
            }
            if (peer.has("namespaceSelector")) {
                JsonNode labels = peer.at("/namespaceSelector/matchLabels");
                boolean all = peer.path("namespaceSelector").isEmpty();
                if (all || labels.path("kubernetes.io/metadata.name").asText().equals(endpoint.namespace())) {
                    return true;
                }
            } else if (peer.has("podSelector") && endpoint.namespace().equals(policyNamespace)) {
                return true;
            }
        }
        return false;
    }
}
