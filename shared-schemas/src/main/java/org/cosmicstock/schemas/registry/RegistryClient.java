package org.cosmicstock.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * The few calls of the Confluent-compatible schema registry REST API the suite needs (Confluent Schema
 * Registry, Apicurio Registry's {@code /apis/ccompat/v7}, Karapace, Redpanda). Built on the JDK's HTTP
 * client: short timeouts, Basic authentication, TLS with the JVM's default trust store. Every failure to
 * get an answer is a {@link RegistryUnavailableException}; a refusal is a {@link RegistryRefusedException}.
 * Thread-safe; it caches nothing (the codec does).
 */
public final class RegistryClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryAddress address;
    private final Duration timeout;
    private final HttpClient http;

    private RegistryClient(RegistryAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A client for {@code url}, credentials as {@code user:password@} in it if any, {@link #DEFAULT_TIMEOUT}. */
    public static RegistryClient connect(String url) {
        return connect(url, null, null, null);
    }

    /**
     * A client for {@code url}, the base of the registry's Confluent-compatible API (e.g. {@code
     * http://127.0.0.1:8085/apis/ccompat/v7}).
     *
     * @param username Basic authentication user; when blank, {@code user:password@} in the URL is used if present
     * @param password its password, may be empty
     * @param timeout for connecting and for each request; null for {@link #DEFAULT_TIMEOUT}
     * @throws IllegalArgumentException if the URL or the settings are not usable, saying why
     */
    public static RegistryClient connect(String url, String username, String password, Duration timeout) {
        Duration effective = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (effective.isNegative() || effective.isZero()) {
            throw new IllegalArgumentException("The schema registry timeout must be positive, got " + timeout);
        }
        return new RegistryClient(RegistryAddress.parse(url, username, password), effective);
    }

    /** The registry's base URL, without credentials. */
    public String location() {
        return address.base().toString();
    }

    /**
     * The schema registered under {@code id} ({@code GET /schemas/ids/{id}}), empty if the registry has none.
     *
     * @throws RegistryUnavailableException if the registry gives no usable answer
     */
    public Optional<RegistrySchema> schemaById(int id) {
        String what = "Reading schema id " + id;
        RegistryAnswer answer =
                send(HttpRequest.newBuilder(uri("/schemas/ids/" + id)).GET(), what);
        if (answer.notFound()) {
            return Optional.empty();
        }
        JsonNode body = answer.json(what);
        JsonNode schema = body.path("schema");
        if (!schema.isTextual()) {
            throw answer.unexpected(what);
        }
        return Optional.of(new RegistrySchema(body.path("schemaType").asText("AVRO"), schema.asText()));
    }

    /**
     * The id of {@code schema} if it is registered under {@code subject} ({@code POST /subjects/{subject}}).
     *
     * @throws RegistryUnavailableException if the registry gives no usable answer
     * @throws RegistryRefusedException if the registry finds the schema invalid
     */
    public OptionalInt idOf(String subject, Schema schema) {
        String what = "Looking up " + schema.getFullName() + " under subject " + subject;
        RegistryAnswer answer = send(post("/subjects/" + encode(subject), schemaBody(schema)), what);
        if (answer.notFound()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(id(answer, what));
    }

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and returns its
     * id; registering a schema that is already there returns the existing id.
     *
     * @throws RegistryRefusedException if the registry refuses it, e.g. incompatible with earlier versions
     * @throws RegistryUnavailableException if the registry gives no usable answer
     */
    public int register(String subject, Schema schema) {
        String what = "Registering " + schema.getFullName() + " under subject " + subject;
        return id(send(post("/subjects/" + encode(subject) + "/versions", schemaBody(schema)), what), what);
    }

    /**
     * Sets the compatibility the registry enforces on new versions of {@code subject} ({@code PUT
     * /config/{subject}}), e.g. {@code FULL_TRANSITIVE}.
     *
     * @throws RegistryRefusedException if the registry does not accept the level
     * @throws RegistryUnavailableException if the registry gives no usable answer
     */
    public void setCompatibility(String subject, String level) {
        String what = "Setting compatibility " + level + " on subject " + subject;
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        HttpRequest.Builder put = HttpRequest.newBuilder(uri("/config/" + encode(subject)))
                .header("Content-Type", MEDIA_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        send(put, what).json(what);
    }

    @Override
    public String toString() {
        return "RegistryClient[" + location() + "]";
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(address.base() + path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private int id(RegistryAnswer answer, String what) {
        JsonNode id = answer.json(what).path("id");
        if (!id.canConvertToInt()) {
            throw answer.unexpected(what);
        }
        return id.intValue();
    }

    private RegistryAnswer send(HttpRequest.Builder request, String what) {
        request.timeout(timeout).header("Accept", MEDIA_TYPE + ", application/json");
        address.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new RegistryAnswer(
                    response.statusCode(), Objects.requireNonNullElse(response.body(), ""), location());
        } catch (HttpTimeoutException e) {
            throw new RegistryUnavailableException(
                    what + ": the schema registry at " + location() + " did not answer within " + timeout.toMillis()
                            + " ms",
                    e);
        } catch (IOException e) {
            throw new RegistryUnavailableException(
                    what + ": the schema registry at " + location() + " is unreachable (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(
                    what + ": interrupted while waiting for the schema registry at " + location(), e);
        }
    }

    // ConnectException and friends often carry no message; the chain of causes says what happened.
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        String previous = "";
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            String one =
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            if (!one.equals(previous)) {
                text.append(text.length() == 0 ? "" : ", caused by ").append(one);
            }
            previous = one;
        }
        return text.toString();
    }
}
