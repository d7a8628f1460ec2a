package org.cosmicstock.schemas.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A current schema's contract roles: {@code writtenBy} (who writes the type) and {@code actedOnBy} (which services
 * act on it). They are the contract's current state, no part of any version: released copies carry none, and
 * versions are compared without them. The one place that names them.
 */
public final class SchemaRoles {

    public static final String WRITTEN_BY = "writtenBy";
    public static final String ACTED_ON_BY = "actedOnBy";
    public static final List<String> NAMES = List.of(WRITTEN_BY, ACTED_ON_BY);

    /** A line of a schema file that holds one role and nothing else (how ReleaseSchemas leaves it out). */
    public static final Pattern LINE =
            Pattern.compile("\\s*\"(" + String.join("|", NAMES) + ")\"\\s*:\\s*\\[[^\\]]*\\]\\s*,?\\s*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaRoles() {}

    /** {@code schema} without its roles: the version it is. The same schema if it declares none. */
    public static Schema withoutRoles(Schema schema) {
        if (NAMES.stream().noneMatch(role -> schema.getObjectProp(role) != null)) {
            return schema;
        }
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
            json.remove(NAMES);
            return new Schema.Parser().parse(json.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Not a JSON schema: " + schema.getFullName(), e);
        }
    }
}
