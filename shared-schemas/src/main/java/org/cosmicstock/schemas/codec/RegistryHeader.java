package org.cosmicstock.schemas.codec;

/** The 5-byte header of the schema-registry wire format: magic byte {@code 00} and the big-endian schema id. */
final class RegistryHeader {

    static final int LENGTH = 5;
    static final byte MAGIC = 0x00;

    private RegistryHeader() {}

    static void write(byte[] target, int schemaId) {
        target[0] = MAGIC;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** The schema id, after checking the header is complete; the caller has checked the magic byte. */
    static int readSchemaId(byte[] bytes) {
        if (bytes.length < LENGTH) {
            throw new MalformedMessageException("Malformed message: truncated header (" + bytes.length
                    + " bytes, the schema-registry format needs " + LENGTH + " before the body)");
        }
        return ((bytes[1] & 0xFF) << 24) | ((bytes[2] & 0xFF) << 16) | ((bytes[3] & 0xFF) << 8) | (bytes[4] & 0xFF);
    }
}
