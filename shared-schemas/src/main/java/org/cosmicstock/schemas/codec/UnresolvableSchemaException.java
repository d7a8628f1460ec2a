package org.cosmicstock.schemas.codec;

/**
 * The registry knows the writer schema, but this reader cannot read data written with it: not Avro, not a
 * message type of the contract, or not compatible with the current version of the type (Avro schema
 * resolution fails). The same id always means the same schema, so this never heals: it is dead-lettered.
 */
public final class UnresolvableSchemaException extends MessageDecodingException {

    private final int schemaId;

    public UnresolvableSchemaException(int schemaId, String message) {
        super(message);
        this.schemaId = schemaId;
    }

    /** The id found in the message header. */
    public int schemaId() {
        return schemaId;
    }
}
