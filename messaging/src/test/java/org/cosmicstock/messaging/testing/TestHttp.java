package org.cosmicstock.messaging.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP against a running service, with or without basic credentials. */
record OperationsClient(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String... userAndPassword) {
        return send(request(path, userAndPassword).GET());
    }

    HttpResponse<String> post(String path, String... userAndPassword) {
        return send(request(path, userAndPassword).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    HttpRequest.Builder request(String path, String... userAndPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (userAndPassword.length == 2) {
            String token = Base64.getEncoder()
                    .encodeToString((userAndPassword[0] + ":" + userAndPassword[1]).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return request;
    }
}
