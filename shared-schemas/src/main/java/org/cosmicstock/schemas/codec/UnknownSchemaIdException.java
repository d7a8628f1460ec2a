package org.cosmicstock.schemas.codec;

/**
 * A schema-registry format message names a schema id the registry does not have: written against another
 * registry, or the schema was deleted. Retrying cannot help, so it is dead-lettered with this reason.
 */
public final class UnknownSchemaIdException extends MessageDecodingException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId, String registry) {
        super("Unknown schema id " + schemaId + ": the schema registry at " + registry
                + " has no schema with that id (written against another registry, or deleted)");
        this.schemaId = schemaId;
    }

    /** The id found in the message header. */
    public int schemaId() {
        return schemaId;
    }
}
