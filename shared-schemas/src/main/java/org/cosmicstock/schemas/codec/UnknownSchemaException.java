package org.cosmicstock.schemas.codec;

/** The writer schema's fingerprint is not a released version of any message type this codec reads. */
public final class UnknownSchemaException extends MessageDecodingException {

    private final long fingerprint;

    public UnknownSchemaException(String message, long fingerprint) {
        super(message);
        this.fingerprint = fingerprint;
    }

    static UnknownSchemaException notReleased(long fingerprint) {
        return new UnknownSchemaException(
                "Unknown schema fingerprint " + SingleObjectHeader.hex(fingerprint)
                        + " (not a released version of any message type)",
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
