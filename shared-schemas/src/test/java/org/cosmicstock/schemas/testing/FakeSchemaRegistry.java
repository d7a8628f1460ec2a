package org.cosmicstock.schemas.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema registry that really works, in memory, behind a real HTTP server on a free port: the few
 * endpoints of the Confluent-compatible API the suite uses, with Confluent's answers and error bodies
 * (404/40401/40403, 409 on an incompatible schema, 422 on an invalid one). Like Apicurio, it keeps a
 * subject's compatibility only once the subject exists. Counts the requests it serves, can be stopped (to
 * be unreachable), made to fail, or to demand Basic credentials. A test holds one in a {@code @RegisterExtension}
 * field, which stops it after each test.
 */
public final class FakeSchemaRegistry implements AutoCloseable, AfterEachCallback {

    /** The path Apicurio Registry serves its Confluent-compatible API under; the fake uses it too. */
    public static final String API_PATH = "/apis/ccompat/v7";

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server otherwise leaves Nagle's algorithm on: each answer waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final RegistryState state = new RegistryState();
    private final List<String> requests = new ArrayList<>();
    private int failureStatus;
    private String requiredAuthorization;

    private FakeSchemaRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake schema registry", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a registry on a free port of 127.0.0.1. */
    public static FakeSchemaRegistry start() {
        return new FakeSchemaRegistry();
    }

    /** A codec in the registry format against this registry, subjects named after the record, in {@code mode}. */
    public MessageCodec codec(RegistrationMode mode) {
        return MessageCodec.withRegistry(RegistryClient.connect(url()), SubjectNameStrategy.RECORD_NAME, mode);
    }

    /** A codec in the registry format against this registry, subjects named after the record, as services run it. */
    public MessageCodec codec() {
        return MessageCodec.withRegistry(RegistryClient.connect(url()), SubjectNameStrategy.RECORD_NAME);
    }

    /** The base URL of its API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + API_PATH;
    }

    /** Registers {@code schema} under {@code subject} as a producer would, but without a compatibility check. */
    public int add(String subject, Schema schema) {
        synchronized (state) {
            return state.add(subject, schema.toString(), "AVRO");
        }
    }

    /** Makes {@code id} stand for {@code schemaText} (of {@code schemaType}, e.g. AVRO), as another registry did. */
    public void put(int id, String schemaText, String schemaType) {
        synchronized (state) {
            state.put(id, schemaText, schemaType);
        }
    }

    /** The compatibility level set on a subject, if any. */
    public Optional<String> compatibility(String subject) {
        synchronized (state) {
            return Optional.ofNullable(state.compatibility.get(subject));
        }
    }

    /** The schemas registered under a subject, oldest first. */
    public List<Schema> versions(String subject) {
        synchronized (state) {
            return state.versions(subject);
        }
    }

    /** Every request served so far, as {@code "GET /schemas/ids/1"} (path after {@link #API_PATH}). */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized int requestCount() {
        return requests.size();
    }

    /** Answers every request with {@code status} (e.g. 503) from now on; 0 answers normally again. */
    public synchronized void failWith(int status) {
        this.failureStatus = status;
    }

    /** Demands Basic authentication with these credentials from now on. */
    public synchronized void requireCredentials(String username, String password) {
        this.requiredAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the server: from now on connections are refused. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = rawPath.startsWith(API_PATH) ? rawPath.substring(API_PATH.length()) : null;
            String method = exchange.getRequestMethod();
            int status;
            String authorization;
            synchronized (this) {
                requests.add(method + " " + (path == null ? rawPath : path));
                status = failureStatus;
                authorization = requiredAuthorization;
            }
            if (status != 0) {
                respond(exchange, status, error(status * 100 + 1, "Simulated failure"));
            } else if (authorization != null
                    && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, error(40101, "Unauthorized"));
            } else if (path == null) {
                respond(exchange, 404, "<html>Not Found</html>");
            } else {
                JsonNode body = readJson(exchange.getRequestBody().readAllBytes());
                FakeAnswer answer;
                synchronized (state) {
                    answer = state.answer(method, segments(path), body);
                }
                respond(exchange, answer.status(), answer.body());
            }
        }
    }

    private static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    static String error(int code, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", code).put("message", message);
        return body.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
