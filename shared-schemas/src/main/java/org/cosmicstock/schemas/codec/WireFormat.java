package org.cosmicstock.schemas.codec;

/**
 * The two ways a message's bytes can carry its writer schema, told apart by the first byte. The media type
 * goes in the {@code content-type} header; readers do not need it, the first bytes tell.
 */
public enum WireFormat {
    /** Avro single-object encoding: {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint, the Avro binary body. */
    SINGLE_OBJECT("application/avro"),
    /** Schema-registry format: magic byte {@code 00}, the 4-byte big-endian schema id, the Avro binary body. */
    SCHEMA_REGISTRY("application/avro; format=schema-registry");

    private final String mediaType;

    WireFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The {@code content-type} header value for messages in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** The format of {@code payload} by its first byte, or null if it is neither (empty, garbage). */
    public static WireFormat of(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        if (payload[0] == RegistryHeader.MAGIC) {
            return SCHEMA_REGISTRY;
        }
        return payload[0] == SingleObjectHeader.MARKER_0 ? SINGLE_OBJECT : null;
    }
}
