package org.cosmicstock.schemas.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The rule that keeps every released version readable: each version of a type can read data written
 * by every earlier one (new consumers, old producers) and every earlier version can read data written
 * by it (old consumers, new producers).
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {}

    /**
     * Human-readable violations of the rule, empty when the versions are fine.
     *
     * @param versionsByType type full name to its versions, oldest first (v1 first)
     */
    public static List<String> violations(Map<String, List<Schema>> versionsByType) {
        List<String> violations = new ArrayList<>();
        versionsByType.forEach((type, versions) -> {
            if (versions.isEmpty()) {
                violations.add(type + ": no released version");
            }
            for (int later = 0; later < versions.size(); later++) {
                Schema schema = versions.get(later);
                if (!schema.getFullName().equals(type)) {
                    violations.add(type + " v" + (later + 1) + ": full name is " + schema.getFullName() + ", expected "
                            + type);
                }
                for (int earlier = 0; earlier < later; earlier++) {
                    check(type, later, earlier, versions, violations);
                    check(type, earlier, later, versions, violations);
                }
            }
        });
        return violations;
    }

    private static void check(String type, int reader, int writer, List<Schema> versions, List<String> violations) {
        SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(versions.get(reader), versions.get(writer));
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            violations.add(type + " v" + (reader + 1) + " cannot read data written by v" + (writer + 1) + ": "
                    + describe(result.getResult().getIncompatibilities()));
        }
    }

    private static String describe(List<Incompatibility> incompatibilities) {
        return incompatibilities.stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .collect(Collectors.joining("; "));
    }
}
