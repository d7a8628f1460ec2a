package org.cosmicstock.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * Puts the released versions of a type into the registry, oldest first, so that the registry's own
 * compatibility check sees the same history as the build's. The compatibility level is set once the subject
 * exists (Apicurio keeps rules on existing subjects only), before any later version is registered.
 */
public final class SchemaRegistration {

    /**
     * The build checks each version against every earlier one in both directions, which is what the registry
     * calls {@code FULL_TRANSITIVE}; Confluent, Apicurio (3.x ccompat), Karapace and Redpanda all accept it.
     */
    public static final String DEFAULT_COMPATIBILITY = "FULL_TRANSITIVE";

    private final RegistryClient registry;
    private final String compatibility;

    public SchemaRegistration(RegistryClient registry, String compatibility) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.compatibility = Objects.requireNonNull(compatibility, "compatibility");
    }

    /**
     * Registers each of {@code versions} (oldest first) under {@code subject} unless it is already there.
     *
     * @return one entry per version, in order
     * @throws RegistryRefusedException if the registry refuses a version or the compatibility level
     * @throws RegistryUnavailableException if the registry gives no usable answer
     */
    public List<RegisteredSchema> register(String subject, List<Schema> versions) {
        List<RegisteredSchema> done = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Schema schema = versions.get(i);
            OptionalInt existing = registry.idOf(subject, schema);
            int id = existing.isPresent() ? existing.getAsInt() : registry.register(subject, schema);
            done.add(new RegisteredSchema(schema.getFullName(), i + 1, subject, id, existing.isEmpty()));
            if (i == 0) {
                registry.setCompatibility(subject, compatibility);
            }
        }
        return done;
    }

    public String compatibility() {
        return compatibility;
    }
}
