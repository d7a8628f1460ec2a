package org.cosmicstock.schemas.registry;

/**
 * The schema registry gave no usable answer: unreachable, timed out, a server error, refused our
 * credentials, or an answer that is not the Confluent-compatible API. Nothing is wrong with the message
 * being read or written, so callers retry; a consumer must never dead-letter a message for this.
 */
public final class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
