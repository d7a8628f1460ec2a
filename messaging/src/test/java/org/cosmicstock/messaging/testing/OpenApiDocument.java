package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A service's checked-in OpenAPI 3.1 document ({@code static/openapi.yaml}, served at {@code GET /openapi.yaml})
 * and the checks that keep it true: a valid OpenAPI 3.1 document, the same operations and query parameters as
 * the service's request mappings, and real answers (bodies, statuses, content types) that its schemas accept.
 */
public final class OpenApiDocument {

    /** Where each service keeps its document; Spring Boot serves {@code static/} at the root of the API port. */
    public static final String RESOURCE = "static/openapi.yaml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String text;
    private final JsonNode root;

    private OpenApiDocument(String text) {
        this.text = text;
        this.root = YAMLMapper.builder().build().readTree(text);
    }

    /** The document on the classpath of the service under test. */
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            return new OpenApiDocument(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's text, as the service should serve it. */
    public String text() {
        return text;
    }

    /** Checks the document against the OpenAPI 3.1 schema and that every local {@code $ref} resolves. */
    public void assertValid() {
        assertThat(root.path("openapi").asString()).startsWith("3.1.");
        try (InputStream schema = OpenApiDocument.class.getResourceAsStream("/openapi/openapi-3.1.schema.json")) {
            List<Error> errors = SCHEMAS.getSchema(schema).validate(root);
            assertThat(errors).as("OpenAPI 3.1 schema violations").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        for (String ref : refs) {
            assertThat(ref).as("a local $ref").startsWith("#/");
            assertThat(root.at(ref.substring(1)).isMissingNode())
                    .as("$ref " + ref + " resolves")
                    .isFalse();
        }
    }

    /** Every operation of the document, as {@code "GET /orders/{orderId}"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                        .contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Per operation, the names of its query parameters. */
    public Map<String, Set<String>> queryParameters() {
        Map<String, Set<String>> parameters = new TreeMap<>();
        for (String operation : operations()) {
            Set<String> names = new TreeSet<>();
            for (JsonNode parameter : operation(operation).path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if ("query".equals(resolved.get("in").asString())) {
                    names.add(resolved.get("name").asString());
                }
            }
            parameters.put(operation, names);
        }
        return parameters;
    }

    /** The service's request mappings as {@link #operations()} names them, Spring's {@code /error} aside. */
    public static Set<String> operationsOf(RequestMappingHandlerMapping mapping) {
        return mappedQueryParameters(mapping).keySet();
    }

    /** Per request mapping, the names of its {@code @RequestParam}s. */
    public static Map<String, Set<String>> mappedQueryParameters(RequestMappingHandlerMapping mapping) {
        Map<String, Set<String>> mapped = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            Set<String> params = new TreeSet<>();
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
                if (query != null) {
                    String name = query.name().isEmpty() ? query.value() : query.name();
                    params.add(name.isEmpty() ? parameter.getParameterName() : name);
                }
            }
            for (String path : entry.getKey().getPatternValues()) {
                if (path.equals("/error")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    mapped.put(method.name() + " " + path, params);
                }
            }
        }
        return mapped;
    }

    /**
     * Checks a real answer against the document: {@code operation}'s {@code status} is documented with the answer's
     * content type, and the body is valid against its schema.
     */
    public void assertAnswer(String operation, HttpResponse<String> response) {
        String status = String.valueOf(response.statusCode());
        JsonNode answer = resolve(operation(operation).path("responses").path(status));
        assertThat(answer.isMissingNode())
                .as(operation + " documents a " + status + " (" + response.body() + ")")
                .isFalse();
        String contentType = response.headers()
                .firstValue("content-type")
                .orElse("")
                .replaceAll(";.*", "")
                .strip();
        JsonNode media = answer.path("content").path(contentType);
        assertThat(media.isMissingNode())
                .as(operation + " " + status + " documents content type " + contentType)
                .isFalse();
        List<String> violations = violations(media.get("schema"), JSON.readTree(response.body()));
        assertThat(violations)
                .as(operation + " " + status + " answer " + response.body())
                .isEmpty();
        for (String header : answer.path("headers").propertyNames()) {
            assertThat(response.headers().firstValue(header))
                    .as(operation + " " + status + " header " + header)
                    .isPresent();
        }
    }

    /** What the document's request body schema of {@code operation} finds wrong with {@code body}. */
    public List<String> requestViolations(String operation, String body) {
        JsonNode schema = operation(operation)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        assertThat(schema.isMissingNode())
                .as(operation + " documents a JSON body")
                .isFalse();
        return violations(schema, JSON.readTree(body));
    }

    private List<String> violations(JsonNode schema, JsonNode instance) {
        // The schema with the document's components beside it, so that #/components/... refs resolve.
        ObjectNode standalone = JSON.createObjectNode();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.set("components", root.get("components"));
        standalone.set("allOf", JSON.createArrayNode().add(schema));
        return SCHEMAS
                .getSchema(JSON.writeValueAsString(standalone), com.networknt.schema.InputFormat.JSON)
                .validate(instance)
                .stream()
                .map(Error::toString)
                .toList();
    }

    private JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode found = root.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        assertThat(found.isMissingNode()).as("the document has " + operation).isFalse();
        return found;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(root.at(ref.asString().substring(1)));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isString()) {
                    refs.add(field.getValue().asString());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
