package org.cosmicstock.schemas.codec;

/**
 * A schema-registry format message names a schema id the registry does not have (now): written against another
 * registry, the schema was deleted, or it is being registered and a lookup a moment later finds it. The codec
 * remembers nothing about an unknown id, so a later decode asks the registry again.
 */
public final class UnknownSchemaIdException extends MessageDecodingException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId, String registry) {
        super("Unknown schema id " + schemaId + ": the schema registry at " + registry
                + " has no schema with that id (written against another registry, deleted, or not registered yet)");
        this.schemaId = schemaId;
    }

    /** The id found in the message header. */
    public int schemaId() {
        return schemaId;
    }
}
