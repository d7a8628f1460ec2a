package org.cosmicstock.schemas.registry;

/**
 * One released version of a message type as the registry holds it.
 *
 * @param type the record's full name
 * @param version the released version number (1 = v1)
 * @param subject the subject it is registered under
 * @param id the registry's schema id, written in every message of this version
 * @param registeredNow true if this call registered it, false if it was already there
 */
public record RegisteredSchema(String type, int version, String subject, int id, boolean registeredNow) {

    /** One line for a log or the console. */
    public String describe() {
        return type + " v" + version + ": " + (registeredNow ? "registered" : "already registered") + ", id " + id
                + " (subject " + subject + ")";
    }
}
