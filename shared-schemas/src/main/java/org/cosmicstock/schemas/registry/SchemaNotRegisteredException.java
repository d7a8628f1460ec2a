package org.cosmicstock.schemas.registry;

/**
 * A schema this service writes is not registered under its subject, and the codec was told only to verify:
 * a deployment error, reported at start-up by {@code MessageCodec.verifyWriters}.
 */
public final class SchemaNotRegisteredException extends IllegalStateException {

    public SchemaNotRegisteredException(String type, String subject, String registry) {
        super("Schema of " + type + " is not registered under subject '" + subject + "' in the schema registry at "
                + registry + ". Register the released schemas as part of delivery (java -cp"
                + " 'shared-schemas/target/shared-schemas-<version>.jar:shared-schemas/target/lib/*'"
                + " org.cosmicstock.schemas.tools.RegisterSchemas --registry-url " + registry
                + "), or let the service register them at start-up (registration mode 'register').");
    }
}
