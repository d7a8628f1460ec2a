package org.cosmicstock.schemas.registry;

/**
 * A schema as the registry holds it under an id.
 *
 * @param schemaType {@code AVRO}, {@code PROTOBUF} or {@code JSON}; the Confluent API leaves it out for Avro
 * @param schema the schema text, exactly as registered
 */
public record RegistrySchema(String schemaType, String schema) {

    public boolean isAvro() {
        return "AVRO".equalsIgnoreCase(schemaType);
    }
}
