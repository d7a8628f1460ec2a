package org.cosmicstock.schemas.codec;

/** The bytes are not a well-formed message in either wire format: empty, garbage, truncated or too long. */
public final class MalformedMessageException extends MessageDecodingException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
