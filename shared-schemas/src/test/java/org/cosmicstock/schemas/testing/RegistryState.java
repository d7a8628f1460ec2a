package org.cosmicstock.schemas.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The fake registry's memory and rules, as Confluent's: ids are global and the same schema gets the same
 * id in every subject; a subject without its own level is checked BACKWARD. Not thread-safe: the server
 * holds its lock.
 */
final class RegistryState {

    private static final Set<String> LEVELS = Set.of(
            "NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

    private record Stored(String text, String type, Schema avro) {}

    private final Map<Integer, Stored> byId = new HashMap<>();
    private final Map<String, Integer> idByContent = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    final Map<String, String> compatibility = new HashMap<>();
    private int nextId = 1;

    FakeAnswer answer(String method, List<String> path, JsonNode body) {
        String route = method + " " + (path.isEmpty() ? "" : path.get(0)) + "/" + path.size();
        return switch (route) {
            case "GET schemas/3" -> path.get(1).equals("ids") ? schemaById(path.get(2)) : notARoute();
            case "POST subjects/3" -> path.get(2).equals("versions") ? register(path.get(1), body) : notARoute();
            case "POST subjects/2" -> lookup(path.get(1), body);
            case "GET subjects/1" -> FakeAnswer.ok(FakeSchemaRegistry.JSON.valueToTree(subjects.keySet()));
            case "GET subjects/3" -> path.get(2).equals("versions") ? versionNumbers(path.get(1)) : notARoute();
            case "PUT config/2" -> setCompatibility(path.get(1), body);
            case "GET config/2" ->
                compatibility.containsKey(path.get(1))
                        ? FakeAnswer.ok(object().put("compatibilityLevel", compatibility.get(path.get(1))))
                        : FakeAnswer.error(404, 40408, "Subject does not have subject-level compatibility configured.");
            default -> notARoute();
        };
    }

    int add(String subject, String text, String type) {
        int id = idFor(text, type, parse(text, type));
        List<Integer> versions = subjects.computeIfAbsent(subject, key -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    // Whatever another registry holds, even a schema that does not parse.
    void put(int id, String text, String type) {
        Schema parsed;
        try {
            parsed = parse(text, type);
        } catch (RuntimeException e) {
            parsed = null;
        }
        byId.put(id, new Stored(text, type, parsed));
        idByContent.put(type + ":" + text, id);
        nextId = Math.max(nextId, id + 1);
    }

    List<Schema> versions(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream()
                .map(id -> byId.get(id).avro())
                .toList();
    }

    private FakeAnswer schemaById(String rawId) {
        Stored stored = parseId(rawId) == null ? null : byId.get(parseId(rawId));
        if (stored == null) {
            return FakeAnswer.error(404, 40403, "Schema " + rawId + " not found");
        }
        ObjectNode answer = object().put("schema", stored.text());
        if (!stored.type().equals("AVRO")) {
            answer.put("schemaType", stored.type()); // Confluent leaves it out for Avro
        }
        return FakeAnswer.ok(answer);
    }

    private FakeAnswer register(String subject, JsonNode body) {
        String text = body.path("schema").asText(null);
        String type = body.path("schemaType").asText("AVRO");
        Schema schema;
        try {
            schema = parse(text, type);
        } catch (RuntimeException e) {
            return FakeAnswer.error(422, 42201, "Invalid schema " + text + ": " + e.getMessage());
        }
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        Integer existing = idByContent.get(type + ":" + text);
        if (existing != null && versions.contains(existing)) {
            return FakeAnswer.ok(object().put("id", existing));
        }
        if (schema != null) {
            List<String> problems = incompatibilities(subject, schema);
            if (!problems.isEmpty()) {
                return FakeAnswer.error(
                        409,
                        409,
                        "Schema being registered is incompatible with an earlier schema for"
                                + " subject \"" + subject + "\", details: " + problems + ", {compatibility: '"
                                + compatibility.getOrDefault(subject, "BACKWARD") + "'}");
            }
        }
        return FakeAnswer.ok(object().put("id", add(subject, text, type)));
    }

    private FakeAnswer lookup(String subject, JsonNode body) {
        if (!subjects.containsKey(subject)) {
            return FakeAnswer.error(404, 40401, "Subject '" + subject + "' not found.");
        }
        String text = body.path("schema").asText("");
        String type = body.path("schemaType").asText("AVRO");
        Integer id = idByContent.get(type + ":" + text);
        List<Integer> versions = subjects.get(subject);
        if (id == null || !versions.contains(id)) {
            return FakeAnswer.error(404, 40403, "Schema not found");
        }
        return FakeAnswer.ok(object().put("subject", subject)
                .put("id", id)
                .put("version", versions.indexOf(id) + 1)
                .put("schema", text));
    }

    private FakeAnswer versionNumbers(String subject) {
        if (!subjects.containsKey(subject)) {
            return FakeAnswer.error(404, 40401, "Subject '" + subject + "' not found.");
        }
        ArrayNode numbers = FakeSchemaRegistry.JSON.createArrayNode();
        for (int i = 1; i <= subjects.get(subject).size(); i++) {
            numbers.add(i);
        }
        return FakeAnswer.ok(numbers);
    }

    // As Apicurio: a subject's rule can only be set once the subject exists.
    private FakeAnswer setCompatibility(String subject, JsonNode body) {
        String level = body.path("compatibility").asText("");
        if (!LEVELS.contains(level)) {
            return FakeAnswer.error(422, 42203, "Invalid compatibility level: " + level);
        }
        if (!subjects.containsKey(subject)) {
            return FakeAnswer.error(404, 40401, "Subject '" + subject + "' not found.");
        }
        compatibility.put(subject, level);
        return FakeAnswer.ok(object().put("compatibility", level));
    }

    private List<String> incompatibilities(String subject, Schema candidate) {
        String level = compatibility.getOrDefault(subject, "BACKWARD");
        List<Schema> existing = versions(subject);
        if (level.equals("NONE") || existing.isEmpty()) {
            return List.of();
        }
        List<Schema> against = level.endsWith("_TRANSITIVE") ? existing : List.of(existing.get(existing.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema old : against) {
            if (!level.startsWith("FORWARD")) {
                problems.addAll(problems(candidate, old));
            }
            if (!level.startsWith("BACKWARD")) {
                problems.addAll(problems(old, candidate));
            }
        }
        return problems;
    }

    private static List<String> problems(Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> "{errorType:'" + i.getType() + "', description:'" + i.getMessage() + "', path:'"
                        + i.getLocation() + "'}")
                .collect(Collectors.toList());
    }

    private int idFor(String text, String type, Schema parsed) {
        return idByContent.computeIfAbsent(type + ":" + text, key -> {
            int id = nextId++;
            byId.put(id, new Stored(text, type, parsed));
            return id;
        });
    }

    private static Schema parse(String text, String type) {
        if (text == null) {
            throw new IllegalArgumentException("no schema");
        }
        return type.equals("AVRO") ? new Schema.Parser().parse(text) : null;
    }

    private static Integer parseId(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FakeAnswer notARoute() {
        return FakeAnswer.error(404, 404, "HTTP 404 Not Found");
    }

    private static ObjectNode object() {
        return FakeSchemaRegistry.JSON.createObjectNode();
    }
}
