package org.cosmicstock.schemas.codec;

/**
 * A payload that cannot be turned into a message. The message is written for the operator who
 * reads it in a dead-letter header, so it says what was wrong with the bytes.
 */
public abstract sealed class MessageDecodingException extends RuntimeException
        permits MalformedMessageException, UnknownSchemaException, UnsupportedWireFormatException {

    protected MessageDecodingException(String message) {
        super(message);
    }

    protected MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
