package org.cosmicstock.schemas.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.avro.Schema;

/** Whether two schemas are the same version of a type: see {@link ReleasedSchemas#sameVersion}. */
final class VersionComparison {

    /**
     * What a schema file may say that is part of the Avro specification; anything else is a custom property
     * (such as the contract's {@code writtenBy}), which does not make a new version.
     */
    private static final Set<String> AVRO_ATTRIBUTES = Set.of(
            "type",
            "name",
            "namespace",
            "doc",
            "aliases",
            "fields",
            "default",
            "order",
            "items",
            "values",
            "symbols",
            "size",
            "logicalType",
            "precision",
            "scale");

    private static final ObjectMapper JSON = new ObjectMapper();

    private VersionComparison() {}

    static boolean sameVersion(Schema a, Schema b) {
        return specified(a).equals(specified(b));
    }

    private static JsonNode specified(Schema schema) {
        try {
            return withoutCustomProperties(JSON.readTree(schema.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back the JSON of " + schema.getFullName(), e);
        }
    }

    private static JsonNode withoutCustomProperties(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withoutCustomProperties(element)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JSON.createObjectNode();
        node.fields().forEachRemaining(attribute -> {
            String name = attribute.getKey();
            if (AVRO_ATTRIBUTES.contains(name)) {
                // A default is a value, not a schema: kept as it is.
                copy.set(
                        name,
                        name.equals("default") ? attribute.getValue() : withoutCustomProperties(attribute.getValue()));
            }
        });
        // {"type": "string", "avro.java.string": "String"} without its property is the type "string".
        return copy.size() == 1 && copy.path("type").isTextual() ? copy.get("type") : copy;
    }
}
