package org.cosmicstock.schemas.codec;

/** The bytes use a wire format this codec recognises but does not read, such as the schema-registry one. */
public final class UnsupportedWireFormatException extends MessageDecodingException {

    public UnsupportedWireFormatException(String message) {
        super(message);
    }
}
