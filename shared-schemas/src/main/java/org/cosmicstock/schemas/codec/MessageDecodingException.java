package org.cosmicstock.schemas.codec;

/**
 * A payload that cannot be turned into a message, ever: consumers dead-letter it at once. The message is
 * written for the operator who reads it in a dead-letter header, so it says what was wrong with the bytes.
 * A registry that cannot be asked is not one of these ({@code RegistryUnavailableException}): the message
 * may be fine, so it is retried.
 */
public abstract sealed class MessageDecodingException extends RuntimeException
        permits MalformedMessageException,
                UnknownSchemaException,
                UnknownSchemaIdException,
                UnresolvableSchemaException,
                UnsupportedWireFormatException {

    protected MessageDecodingException(String message) {
        super(message);
    }

    protected MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
