package org.cosmicstock.schemas.codec;

/**
 * The writer schema's fingerprint is not a released version of any message type this codec reads. Never a
 * message of the suite's own writers when upgrades follow docs/adding-a-schema-version.md (they write only
 * versions every running reader knows), so it is dead-lettered at once.
 */
public final class UnknownSchemaException extends MessageDecodingException {

    private final long fingerprint;

    public UnknownSchemaException(String message, long fingerprint) {
        super(message);
        this.fingerprint = fingerprint;
    }

    static UnknownSchemaException notReleased(long fingerprint) {
        return new UnknownSchemaException(
                "Unknown schema fingerprint " + SingleObjectHeader.hex(fingerprint)
                        + " (not a released version of any message type this reader knows; if a newer release"
                        + " wrote it, that writer must write the version the readers know until they are upgraded)",
                fingerprint);
    }

    static UnknownSchemaException withoutClass(String fullName, long fingerprint) {
        return new UnknownSchemaException(
                "Unknown message type " + fullName + " (fingerprint " + SingleObjectHeader.hex(fingerprint)
                        + "): released, but this codec has no class for it",
                fingerprint);
    }

    /** The CRC-64-AVRO fingerprint found in the message header. */
    public long fingerprint() {
        return fingerprint;
    }
}
