package org.cosmicstock.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;

/**
 * One HTTP answer of the registry, with the Confluent error body ({@code error_code}, {@code message}) read
 * when there is one, turned into a result or into the exception that says what went wrong.
 */
final class RegistryAnswer {

    // 40401 subject not found, 40402 version not found, 40403 schema not found.
    private static final Set<Integer> NOT_FOUND_CODES = Set.of(40401, 40402, 40403);

    private final int status;
    private final String body;
    private final String location;
    private final JsonNode error;

    RegistryAnswer(int status, String body, String location) {
        this.status = status;
        this.body = body;
        this.location = location;
        this.error = status >= 300 ? parse(body) : null;
    }

    /** A registry's "not found"; a 404 without a Confluent error code means a wrong URL, not a missing schema. */
    boolean notFound() {
        return status == 404 && NOT_FOUND_CODES.contains(errorCode());
    }

    /** The body of a successful answer as a JSON object, or the exception for anything else. */
    JsonNode json(String what) {
        if (status / 100 != 2) {
            throw failure(what);
        }
        JsonNode parsed = parse(body);
        if (parsed == null || !parsed.isObject()) {
            throw unexpected(what);
        }
        return parsed;
    }

    RegistryUnavailableException unexpected(String what) {
        return new RegistryUnavailableException(what + ": the schema registry at " + location + " answered HTTP "
                + status + " with something that is not the Confluent-compatible API: " + excerpt()
                + " (is the URL the API's base, e.g. .../apis/ccompat/v7?)");
    }

    private RuntimeException failure(String what) {
        if (status == 409 || status == 422) {
            return new RegistryRefusedException(what, status, errorCode(), message());
        }
        if (status == 404 && errorCode() == 0) {
            return unexpected(what);
        }
        // 5xx, 401/403 (credentials), 429 and the like: the message is fine, the registry is not usable now.
        return new RegistryUnavailableException(what + ": the schema registry at " + location + " answered HTTP "
                + status + (errorCode() == 0 ? "" : ", error " + errorCode()) + ": " + message());
    }

    private int errorCode() {
        return error == null ? 0 : error.path("error_code").asInt(0);
    }

    private String message() {
        return error != null && error.path("message").isTextual()
                ? error.path("message").asText()
                : excerpt();
    }

    private String excerpt() {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return "(empty body)";
        }
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : RegistryClient.JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
