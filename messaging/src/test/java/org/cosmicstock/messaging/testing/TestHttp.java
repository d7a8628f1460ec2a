package org.cosmicstock.messaging.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Plain HTTP against a service running on 127.0.0.1:{@code port}, with or without basic credentials. Paths are
 * sent as they are: percent-encode them yourself. A request that fails to get an answer fails the test.
 */
public record TestHttp(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public HttpResponse<String> get(String path, String... userAndPassword) {
        return send(request(path, userAndPassword).GET());
    }

    public HttpResponse<String> post(String path, String... userAndPassword) {
        return send(request(path, userAndPassword).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** A request to {@code path} on this port; with a user and a password, as that user (basic). */
    public HttpRequest.Builder request(String path, String... userAndPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (userAndPassword.length == 2) {
            String token = Base64.getEncoder()
                    .encodeToString((userAndPassword[0] + ":" + userAndPassword[1]).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return request;
    }
}
