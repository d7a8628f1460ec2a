package org.cosmicstock.schemas.registry;

/** What a codec writing the registry format does when the schema it writes is not registered yet. */
public enum RegistrationMode {
    /**
     * Only look it up; a missing schema is a deployment error ({@link SchemaNotRegisteredException}). The
     * default: schemas are registered as part of delivery, by {@code RegisterSchemas}, where a refusal stops the
     * release rather than a running service.
     */
    VERIFY,
    /**
     * Register every released version of the type, oldest first, and set the subject's compatibility, as
     * {@code RegisterSchemas} would; for environments without a delivery step (local runs, tests).
     */
    REGISTER;

    /** Reads {@code verify} or {@code register}, case-insensitively. */
    public static RegistrationMode parse(String value) {
        String name = value == null ? "" : value.strip();
        for (RegistrationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "Unknown schema registration mode '" + value + "': expected 'verify' (the default) or 'register'");
    }
}
