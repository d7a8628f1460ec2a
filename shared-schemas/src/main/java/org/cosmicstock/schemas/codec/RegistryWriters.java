package org.cosmicstock.schemas.codec;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.cosmicstock.schemas.registry.RegisteredSchema;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SchemaNotRegisteredException;
import org.cosmicstock.schemas.registry.SchemaRegistration;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;

/**
 * The schema id to write for each released schema and subject: looked up (or, in {@link
 * RegistrationMode#REGISTER}, registered with every earlier version of its type) once, then cached, so a
 * running producer only talks to the registry for a schema it has not written yet.
 */
final class RegistryWriters {

    private final RegistryClient registry;
    private final SubjectNameStrategy naming;
    private final RegistrationMode mode;
    private final ReleasedSchemas released;
    private final SchemaRegistration registration;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    RegistryWriters(
            RegistryClient registry, SubjectNameStrategy naming, RegistrationMode mode, ReleasedSchemas released) {
        this.registry = registry;
        this.naming = naming;
        this.mode = mode;
        this.released = released;
        this.registration = new SchemaRegistration(registry, SchemaRegistration.DEFAULT_COMPATIBILITY);
    }

    /** The id to write for {@code schema} (a released version, of that fingerprint) on {@code topic}. */
    int idFor(String topic, Schema schema, long fingerprint) {
        String subject = naming.subject(topic, schema.getFullName());
        Integer id = ids.get(subject + "@" + fingerprint);
        return id != null ? id : ensure(subject, schema).id();
    }

    /** Looks up, or registers, {@code schema} under {@code subject}; the id is cached. */
    RegisteredSchema ensure(String subject, Schema schema) {
        List<Schema> versions = released.versionsOf(schema.getFullName());
        int version = versions.indexOf(schema) + 1;
        RegisteredSchema result;
        if (mode == RegistrationMode.REGISTER) {
            // Looks each version up before registering it, so an existing id costs no registration.
            result = registration.register(subject, versions).get(version - 1);
        } else {
            OptionalInt existing = registry.idOf(subject, schema);
            if (existing.isEmpty()) {
                throw new SchemaNotRegisteredException(schema.getFullName(), subject, registry.location());
            }
            result = new RegisteredSchema(schema.getFullName(), version, subject, existing.getAsInt(), false);
        }
        ids.put(subject + "@" + SchemaNormalization.parsingFingerprint64(schema), result.id());
        return result;
    }

    String subject(String topic, String type) {
        return naming.subject(topic, type);
    }
}
