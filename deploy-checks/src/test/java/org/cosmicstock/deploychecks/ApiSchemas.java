package org.cosmicstock.deploychecks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Checks a rendered object against the Kubernetes API's schema, as an API server with strict field
 * validation ({@code kubectl apply --validate=strict}) would: built-in kinds are read into the fabric8
 * {@code kubernetes-model} types with unknown fields failing; custom resources are validated against
 * their CRD's {@code openAPIV3Schema} (kept in src/test/resources/crds, see the README there), where an
 * object schema that lists its properties admits no others unless it says
 * {@code x-kubernetes-preserve-unknown-fields}. A kind known to neither is itself a violation.
 */
final class ApiSchemas {

    /** The built-in kinds the overlays use, by apiVersion and kind. */
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            type("v1", "Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            type("v1", "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            type("v1", "Secret", io.fabric8.kubernetes.api.model.Secret.class),
            type("v1", "Service", io.fabric8.kubernetes.api.model.Service.class),
            type("v1", "ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            type("v1", "PersistentVolumeClaim", io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class),
            type("apps/v1", "Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            type("apps/v1", "StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            type(
                    "policy/v1",
                    "PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            type(
                    "networking.k8s.io/v1",
                    "NetworkPolicy",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            type("networking.k8s.io/v1", "Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            type(
                    "autoscaling/v2",
                    "HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            type(
                    "gateway.networking.k8s.io/v1",
                    "HTTPRoute",
                    io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class));

    /** The CRDs kept in the repository (src/test/resources/crds/README.md says where each comes from). */
    private static final List<String> CRDS = List.of(
            "crds/prometheus-operator/monitoring.coreos.com_podmonitors.yaml",
            "crds/prometheus-operator/monitoring.coreos.com_prometheusrules.yaml",
            "crds/keda/keda.sh_scaledobjects.yaml",
            "crds/keda/keda.sh_triggerauthentications.yaml",
            "crds/strimzi/040-Crd-kafka.yaml",
            "crds/strimzi/043-Crd-kafkatopic.yaml",
            "crds/strimzi/044-Crd-kafkauser.yaml",
            "crds/strimzi/045-Crd-kafkanodepool.yaml",
            "crds/cloudnative-pg/postgresql.cnpg.io_clusters.yaml",
            "crds/cloudnative-pg/postgresql.cnpg.io_databases.yaml");

    private static final ObjectMapper STRICT = strictMapper();
    private static final Map<String, Schema> CUSTOM = customSchemas();

    private ApiSchemas() {}

    /** What is wrong with {@code object} by its kind's schema; empty when it is valid. */
    static List<String> violations(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        String name = kind + " " + object.path("metadata").path("name").asText("?");
        String key = apiVersion + " " + kind;
        Class<?> type = TYPES.get(key);
        if (type != null) {
            try {
                STRICT.treeToValue(object, type);
                return List.of();
            } catch (JsonMappingException e) {
                return List.of(name + ": " + e.getOriginalMessage() + " at " + path(e));
            } catch (IOException e) {
                return List.of(name + ": " + e.getMessage());
            }
        }
        Schema schema = CUSTOM.get(key);
        if (schema != null) {
            return schema.validate(Yaml.toJson(object), InputFormat.JSON).stream()
                    .map(error -> name + ": " + error.getInstanceLocation() + " " + error.getMessage())
                    .toList();
        }
        return List.of(name + ": no schema for " + key + " (add its fabric8 type or its CRD to ApiSchemas)");
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            out.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return out.toString();
    }

    private static Entry<String, Class<?>> type(String apiVersion, String kind, Class<?> type) {
        return Map.entry(apiVersion + " " + kind, type);
    }

    /**
     * fabric8's types keep unknown fields in {@code additionalProperties} (a {@code @JsonAnySetter}); with
     * any-setters and ignoreUnknown switched off, an unknown field is an error naming its path.
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated a) {
                return Boolean.FALSE;
            }

            @Override
            public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
                return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
            }
        });
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        return mapper;
    }

    private static Map<String, Schema> customSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Schema> out = new HashMap<>();
        for (String resource : CRDS) {
            JsonNode crd = Yaml.documents(read(resource)).get(0);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (!version.path("served").asBoolean(false)) {
                    continue;
                }
                ObjectNode schema =
                        version.path("schema").path("openAPIV3Schema").deepCopy();
                closeObjects(schema);
                String apiVersion = group + "/" + version.path("name").asText();
                out.put(apiVersion + " " + kind, registry.getSchema(Yaml.toJson(schema), InputFormat.JSON));
            }
        }
        return out;
    }

    /**
     * A structural schema prunes unknown fields silently; strict field validation refuses them. So every
     * object schema with {@code properties} and neither {@code additionalProperties} nor
     * {@code x-kubernetes-preserve-unknown-fields: true} gets {@code additionalProperties: false}.
     */
    static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")
                    && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                closeObjects(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ApiSchemas::closeObjects);
        }
    }

    private static String read(String resource) {
        try (InputStream in = ApiSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
