package org.cosmicstock.schemas.registry;

/**
 * The schema registry answered and said no: a schema incompatible with the subject's earlier versions
 * (HTTP 409), an invalid schema or compatibility level (HTTP 422). The registry's own message is kept, as
 * that is what the person who changed the schema needs to read.
 */
public final class RegistryRefusedException extends RuntimeException {

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public RegistryRefusedException(String what, int status, int errorCode, String registryMessage) {
        super(what + ": the registry refused (HTTP " + status + ", error " + errorCode + "): " + registryMessage);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** The HTTP status, e.g. 409. */
    public int status() {
        return status;
    }

    /** The Confluent error code from the body ({@code error_code}), e.g. 409 or 42201; 0 if there was none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's explanation ({@code message} of the body), verbatim. */
    public String registryMessage() {
        return registryMessage;
    }
}
