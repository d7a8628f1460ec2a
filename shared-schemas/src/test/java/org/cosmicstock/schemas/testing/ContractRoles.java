package org.cosmicstock.schemas.testing;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.SchemaRoles;

/**
 * Who writes each message type of the contract and which of the suite's services act on it, as the type's current
 * schema declares it in two attributes of its own, beside its {@code doc}
 * ({@code shared-schemas/src/main/avro/<Type>.avsc}):
 *
 * <pre>
 * "writtenBy": ["allocation-service"],
 * "actedOnBy": ["orders-service", "stock-view-service"],
 * </pre>
 *
 * {@code writtenBy} names who writes it (services, or words such as "any producer"); {@code actedOnBy} the suite's
 * services that do something with it ({@code []} if none yet): the others that read its topic skip it. Avro keeps
 * such attributes in the schema and leaves them out of its Parsing Canonical Form, so they change no fingerprint;
 * the released copies carry none, since who acts on a type may change without a new version. The contract tests of
 * shared-schemas and of every service read them here, and docs/CONTRACT.md's payload table is generated from them
 * ({@code ContractDocs}), so a service that maps a type it is not declared for (or skips one it is) fails its build.
 */
public final class ContractRoles {

    public static final String WRITTEN_BY = SchemaRoles.WRITTEN_BY;
    public static final String ACTED_ON_BY = SchemaRoles.ACTED_ON_BY;

    /**
     * The roles of one type.
     *
     * @param type the type's simple name
     * @param writtenBy who writes it, as declared
     * @param actedOnBy the services that act on it, as declared
     */
    public record Roles(String type, List<String> writtenBy, List<String> actedOnBy) {}

    private ContractRoles() {}

    /** The roles a generated message class's schema declares; a type that declares none fails, naming its file. */
    public static Roles of(Class<? extends SpecificRecord> type) {
        return of(SpecificData.get().getSchema(type));
    }

    /** The roles {@code schema} declares; a schema that declares none fails, naming its file. */
    public static Roles of(Schema schema) {
        return new Roles(schema.getName(), names(schema, WRITTEN_BY), names(schema, ACTED_ON_BY));
    }

    public static boolean actsOn(String service, Class<? extends SpecificRecord> type) {
        return of(type).actedOnBy().contains(service);
    }

    public static boolean writes(String service, Class<? extends SpecificRecord> type) {
        return of(type).writtenBy().contains(service);
    }

    /** {@code schema} without the roles: what its released version holds when its fields are the same. */
    public static Schema withoutRoles(Schema schema) {
        return SchemaRoles.withoutRoles(schema);
    }

    private static List<String> names(Schema schema, String attribute) {
        Object declared = schema.getObjectProp(attribute);
        if (!(declared instanceof List<?> names) || !names.stream().allMatch(String.class::isInstance)) {
            throw new AssertionError(schema.getName() + " declares no \"" + attribute + "\" list of names in"
                    + " shared-schemas/src/main/avro/" + schema.getName() + ".avsc (found " + declared
                    + "): every type of the contract declares \"" + WRITTEN_BY + "\" and \"" + ACTED_ON_BY
                    + "\" (docs/CONTRACT.md)");
        }
        return names.stream().map(String.class::cast).toList();
    }
}
