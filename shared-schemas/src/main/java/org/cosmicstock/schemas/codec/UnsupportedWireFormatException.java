package org.cosmicstock.schemas.codec;

/**
 * The bytes use a wire format this codec recognises but is not set up to read: the schema-registry format
 * when no registry is configured.
 */
public final class UnsupportedWireFormatException extends MessageDecodingException {

    public UnsupportedWireFormatException(String message) {
        super(message);
    }
}
